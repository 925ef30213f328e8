//! [`simple_list`]: a header parameter that is a list of scalars, written the OpenAPI `simple` way
//! (`OpenAI-Beta: a,b`), where progenitor's code would call `to_string()` on the list.

use std::fmt::Display;

/// The items comma-separated, each as its `Display` writes it (a string enum's value, a number).
pub fn simple_list<T: Display>(items: &[T]) -> String {
    let mut text = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&item.to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_comma_separated() {
        assert_eq!(simple_list(&["a=v1", "b"]), "a=v1,b");
        assert_eq!(simple_list(&[3, 4]), "3,4");
        assert_eq!(simple_list::<u8>(&[]), "");
    }
}
