//! The JSON article reader.

use serde::Deserialize;

use crate::article::Article;
use crate::error::{Field, ParseError};
use crate::text::{check_size, read_body};
use crate::ws::collapse_ws;

/// The JSON article object accepted by every command. Only `text` is required.
#[derive(Debug, Default, Deserialize)]
#[non_exhaustive]
pub struct JsonArticle {
    /// Identifier, a string or a number.
    #[serde(default, deserialize_with = "string_or_number")]
    pub id: Option<String>,
    /// Headline.
    #[serde(default, alias = "headline")]
    pub title: Option<String>,
    /// Body text; paragraphs separated by line breaks.
    #[serde(default)]
    pub text: Option<String>,
    /// Publication date (ISO 8601 preferred).
    #[serde(default, alias = "date")]
    pub published: Option<String>,
    /// URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Publisher or agency.
    #[serde(default)]
    pub source: Option<String>,
    /// Author.
    #[serde(default)]
    pub author: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// The `id` of a JSON object that is not a valid article (no `text`, a
/// `text` that is not a string…), for naming it in an error record.
pub(crate) fn declared_id(input: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        #[serde(default, deserialize_with = "string_or_number")]
        id: Option<String>,
    }
    serde_json::from_str::<IdOnly>(input).ok().and_then(|x| x.id)
}

/// The `id` declared at the start of a JSON line too long to decode
/// (`{"id":"a1","text":…`): only a leading `"id"` member is looked at.
pub(crate) fn leading_id(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let rest = head.trim_start().strip_prefix('{')?.trim_start().strip_prefix("\"id\"")?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<serde_json::Value>();
    match values.next()?.ok()? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl JsonArticle {
    /// Turn the decoded object into an [`Article`], checking `text`.
    pub fn into_article(self) -> Result<Article, ParseError> {
        let text = self.text.ok_or(ParseError::MissingField(Field::Text))?;
        if text.trim().is_empty() {
            return Err(ParseError::MissingField(Field::Text));
        }
        check_size(&text)?;
        let clean = |s: Option<String>| s.map(|s| collapse_ws(&s)).filter(|s| !s.is_empty());
        let mut article = Article {
            id: self.id,
            title: clean(self.title),
            author: clean(self.author),
            published: clean(self.published),
            url: clean(self.url),
            source: clean(self.source),
            blocks: Vec::new(),
        };
        read_body(&mut article, &text);
        if article.blocks.is_empty() {
            return Err(ParseError::Empty);
        }
        Ok(article)
    }
}

/// Read one JSON article object.
///
/// ```
/// let a = attache_parse::read_json(r#"{"id": 7, "title": "Talks", "text": "Envoys met. They agreed."}"#)?;
/// assert_eq!(a.id.as_deref(), Some("7"));
/// assert_eq!(a.blocks.len(), 1);
/// # Ok::<(), attache_parse::ParseError>(())
/// ```
pub fn read_json(input: &str) -> Result<Article, ParseError> {
    check_size(input)?;
    let obj: JsonArticle = serde_json::from_str(input)?;
    obj.into_article()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_is_required() {
        let a = read_json(r#"{"text":"One.\nTwo."}"#).unwrap();
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.title, None);
    }

    #[test]
    fn missing_or_empty_text_is_an_error() {
        assert!(matches!(read_json(r#"{"id":"a"}"#), Err(ParseError::MissingField(Field::Text))));
        assert!(matches!(read_json(r#"{"text":"  "}"#), Err(ParseError::MissingField(Field::Text))));
        assert!(matches!(read_json(r#"{"text": 5}"#), Err(ParseError::Json(_))));
        assert!(matches!(read_json("{not json"), Err(ParseError::Json(_))));
    }
}
