use std::ops::Range;

use crate::article::{Article, BlockKind};
use crate::segment::split_sentences;
use crate::token::{Token, Vocabulary, with_tokenizer};

/// A segmented, tokenized article: the unit that scorers and extractors read.
///
/// `text` is the body (blocks joined by blank lines, headline excluded); every
/// offset in the document is a byte offset into it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The article the document was built from.
    pub article: Article,
    /// The body text.
    pub text: String,
    /// Byte range of each block of `article.blocks` in `text`.
    pub blocks: Vec<Range<usize>>,
    /// The sentences, in reading order. Subheads are not sentences.
    pub sentences: Vec<Sentence>,
    /// All word tokens of `text`, in order.
    pub tokens: Vec<Token>,
    /// Tokens of the headline (offsets into the title string).
    pub title_tokens: Vec<Token>,
    /// Terms of body and title.
    pub vocab: Vocabulary,
}

/// One sentence of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in [`Document::text`].
    pub span: Range<usize>,
    /// Index of the block it belongs to.
    pub block: usize,
    /// 0-based index of its paragraph among the standfirst and paragraph blocks.
    pub paragraph: usize,
    /// Range of its tokens in [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Kind of the block it comes from.
    pub kind: BlockKind,
}

impl Document {
    /// Segment and tokenize an article.
    ///
    /// ```
    /// use attache_parse::{Document, read_text};
    /// let doc = Document::new(read_text("Talks resume\n\nEnvoys met Mr. Li in Geneva. They agreed.\n\nNext steps\n\nA vote follows.")?);
    /// let s: Vec<&str> = (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect();
    /// assert_eq!(s, ["Envoys met Mr. Li in Geneva.", "They agreed.", "A vote follows."]);
    /// # Ok::<(), attache_parse::ParseError>(())
    /// ```
    pub fn new(article: Article) -> Document {
        let mut text = String::with_capacity(article.blocks.iter().map(|b| b.text.len() + 2).sum());
        let mut blocks = Vec::with_capacity(article.blocks.len());
        for b in &article.blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&b.text);
            blocks.push(start..text.len());
        }
        let mut vocab = Vocabulary::default();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(text.len() / 120);
        let mut title_tokens = Vec::new();
        with_tokenizer(&mut vocab, |tk| {
            let mut paragraph = 0;
            for (bi, b) in article.blocks.iter().enumerate() {
                let base = blocks[bi].start;
                if b.kind == BlockKind::Subhead {
                    tk.tokenize(&b.text, base, &mut tokens);
                    continue;
                }
                for r in split_sentences(&b.text) {
                    let t0 = tokens.len();
                    tk.tokenize(&b.text[r.clone()], base + r.start, &mut tokens);
                    sentences.push(Sentence {
                        span: base + r.start..base + r.end,
                        block: bi,
                        paragraph,
                        tokens: t0..tokens.len(),
                        kind: b.kind,
                    });
                }
                paragraph += 1;
            }
            if let Some(t) = &article.title {
                tk.tokenize(t, 0, &mut title_tokens);
            }
        });
        Document { article, text, blocks, sentences, tokens, title_tokens, vocab }
    }

    /// The text of sentence `i`, exactly as in the source.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].span.clone()]
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// Number of words in sentence `i`.
    pub fn sentence_words(&self, i: usize) -> usize {
        crate::ws::count_words(self.sentence_text(i))
    }

    /// The place in the first paragraph's wire dateline (`GENEVA (Wire) —`), if any.
    pub fn dateline(&self) -> Option<&str> {
        let first = self.article.blocks.iter().position(|b| b.kind == BlockKind::Paragraph)?;
        crate::text::dateline_place(&self.article.blocks[first].text)
    }
}
