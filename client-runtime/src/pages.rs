//! [`Items`]: every item of a paged list operation as one stream, fetching the next page when the items
//! read so far run out. Three schemes: an item offset (`offset`/`limit`), a page number (`page`/`per_page`)
//! and a page token the previous page returns. The stream ends on an empty page, when the total the pages
//! report has been read, when no next token comes, or after the first error (which it yields).

use std::collections::VecDeque;
use std::fmt;
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::Error;

type Fetch<'a, T, E> = Pin<Box<dyn Future<Output = Result<Page<T>, Error<E>>> + Send + 'a>>;

/// One page as a paginator reads it: its items, the total the server reports, the token of the next page.
#[doc(hidden)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: Option<u64>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone)]
enum Cursor {
    Offset(u64),
    Number(u64),
    Token(Option<String>),
}

impl Cursor {
    /// The offset or page number (0 for a token cursor, which has none).
    fn position(&self) -> u64 {
        match self {
            Cursor::Offset(position) | Cursor::Number(position) => *position,
            Cursor::Token(_) => 0,
        }
    }

    /// The page token (none for an offset or page-number cursor).
    fn into_token(self) -> Option<String> {
        match self {
            Cursor::Token(token) => token,
            Cursor::Offset(_) | Cursor::Number(_) => None,
        }
    }
}

/// The items of every page of a list operation, as a `futures_core::Stream` or with [`Items::next`].
pub struct Items<'a, T, E> {
    fetch: Box<dyn FnMut(Cursor) -> Fetch<'a, T, E> + Send + 'a>,
    /// The next page to fetch; `None` once the last one is read.
    cursor: Option<Cursor>,
    read: u64,
    buffer: VecDeque<T>,
    pending: Option<Fetch<'a, T, E>>,
}

impl<T, E> fmt::Debug for Items<'_, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("cursor", &self.cursor)
            .field("read", &self.read)
            .field("buffered", &self.buffer.len())
            .finish_non_exhaustive()
    }
}

impl<'a, T: Send + 'a, E: 'a> Items<'a, T, E> {
    fn with(cursor: Cursor, fetch: Box<dyn FnMut(Cursor) -> Fetch<'a, T, E> + Send + 'a>) -> Self {
        Items {
            fetch,
            cursor: Some(cursor),
            read: 0,
            buffer: VecDeque::new(),
            pending: None,
        }
    }

    /// Pages addressed by the offset of their first item, from `start`.
    #[doc(hidden)]
    pub fn by_offset<F, Fut>(start: u64, mut fetch: F) -> Self
    where
        F: FnMut(u64) -> Fut + Send + 'a,
        Fut: Future<Output = Result<Page<T>, Error<E>>> + Send + 'a,
    {
        Self::with(
            Cursor::Offset(start),
            Box::new(move |cursor| Box::pin(fetch(cursor.position()))),
        )
    }

    /// Pages addressed by their number, from `start`.
    #[doc(hidden)]
    pub fn by_page_number<F, Fut>(start: u64, mut fetch: F) -> Self
    where
        F: FnMut(u64) -> Fut + Send + 'a,
        Fut: Future<Output = Result<Page<T>, Error<E>>> + Send + 'a,
    {
        Self::with(
            Cursor::Number(start),
            Box::new(move |cursor| Box::pin(fetch(cursor.position()))),
        )
    }

    /// Pages addressed by the token the previous page returned (none for the first).
    #[doc(hidden)]
    pub fn by_token<F, Fut>(start: Option<String>, mut fetch: F) -> Self
    where
        F: FnMut(Option<String>) -> Fut + Send + 'a,
        Fut: Future<Output = Result<Page<T>, Error<E>>> + Send + 'a,
    {
        Self::with(
            Cursor::Token(start),
            Box::new(move |cursor| Box::pin(fetch(cursor.into_token()))),
        )
    }

    /// The next item, fetching the next page when needed; `None` after the last.
    pub async fn next(&mut self) -> Option<Result<T, Error<E>>> {
        poll_fn(|cx| self.poll_item(cx)).await
    }

    /// Every remaining item, or the first error.
    pub async fn collect(mut self) -> Result<Vec<T>, Error<E>> {
        let mut items = Vec::new();
        while let Some(item) = self.next().await {
            items.push(item?);
        }
        Ok(items)
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<T, Error<E>>>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            if self.pending.is_none() {
                match self.cursor.clone() {
                    Some(cursor) => self.pending = Some((self.fetch)(cursor)),
                    None => return Poll::Ready(None),
                }
            }
            let Some(pending) = self.pending.as_mut() else {
                return Poll::Ready(None);
            };
            let page = match pending.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(page) => page,
            };
            self.pending = None;
            match page {
                Ok(page) => self.advance(page),
                Err(error) => {
                    self.cursor = None;
                    return Poll::Ready(Some(Err(error)));
                }
            }
        }
    }

    /// Takes a page's items and moves the cursor past it, or ends the stream.
    fn advance(&mut self, page: Page<T>) {
        let count = page.items.len() as u64;
        self.read += count;
        let total_read = page.total.is_some_and(|total| self.read >= total);
        self.cursor = match self.cursor.take() {
            _ if count == 0 => None,
            Some(Cursor::Offset(offset)) => {
                let next = offset + count;
                page.total
                    .is_none_or(|total| next < total)
                    .then_some(Cursor::Offset(next))
            }
            Some(Cursor::Number(number)) => (!total_read).then_some(Cursor::Number(number + 1)),
            Some(Cursor::Token(_)) => page
                .next_token
                .filter(|token| !token.is_empty())
                .map(|token| Cursor::Token(Some(token))),
            None => None,
        };
        self.buffer.extend(page.items);
    }
}

// Nothing in `Items` is pinned in place: the page future is boxed, the items are moved out.
impl<T, E> Unpin for Items<'_, T, E> {}

impl<'a, T: Send + 'a, E: 'a> futures_core::Stream for Items<'a, T, E> {
    type Item = Result<T, Error<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(items: std::ops::Range<u32>, total: Option<u64>) -> Page<u32> {
        Page {
            items: items.collect(),
            total,
            next_token: None,
        }
    }

    #[tokio::test]
    async fn offsets_advance_by_the_items_read_and_stop_at_the_total() {
        let mut asked = Vec::new();
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = std::sync::Arc::clone(&log);
        let items: Items<'_, u32, ()> = Items::by_offset(0, move |offset| {
            seen.lock().unwrap().push(offset);
            let start = u32::try_from(offset).unwrap();
            async move { Ok(page(start..(start + 2).min(5), Some(5))) }
        });
        assert_eq!(items.collect().await.unwrap(), [0, 1, 2, 3, 4]);
        asked.extend(log.lock().unwrap().iter().copied());
        assert_eq!(asked, [0, 2, 4]);
    }

    #[tokio::test]
    async fn page_numbers_stop_on_an_empty_page_and_tokens_when_none_comes() {
        let numbers: Items<'_, u32, ()> = Items::by_page_number(1, |number| async move {
            Ok(page(if number < 3 { 0..2 } else { 0..0 }, None))
        });
        assert_eq!(numbers.collect().await.unwrap(), [0, 1, 0, 1]);

        let tokens: Items<'_, u32, ()> = Items::by_token(None, |token| async move {
            let (items, next) = match token.as_deref() {
                None => (0..2, Some("b".to_string())),
                Some("b") => (2..3, Some(String::new())),
                Some(other) => panic!("asked for {other}"),
            };
            Ok(Page {
                items: items.collect(),
                total: None,
                next_token: next,
            })
        });
        assert_eq!(tokens.collect().await.unwrap(), [0, 1, 2]);
    }

    #[tokio::test]
    async fn an_error_is_yielded_once_and_ends_the_stream() {
        let mut items: Items<'_, u32, ()> = Items::by_offset(0, |offset| async move {
            if offset == 0 {
                Ok(page(0..1, None))
            } else {
                Err(Error::InvalidRequest("boom".into()))
            }
        });
        assert_eq!(items.next().await.unwrap().unwrap(), 0);
        assert!(items.next().await.unwrap().is_err());
        assert!(items.next().await.is_none());
    }
}
