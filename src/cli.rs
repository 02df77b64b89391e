use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Attaché turns news articles about international affairs into one-page
/// diplomatic briefings. Extractive and deterministic: every sentence shown
/// comes from the source.
#[derive(Debug, Parser)]
#[command(name = "attache", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Brief one article: plain text, Markdown, a JSON object or a saved HTML page.
    Brief(BriefArgs),
    /// Brief a day's articles on one page: stories, who's who, what to watch, sources.
    Daily(DailyArgs),
    /// Work with the Handlebars templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Brief a whole archive: JSON Lines (.gz/.zst), directories, WARC, or `-` (stdin), in parallel.
    Batch(BatchArgs),
    /// Print what the readers get from each input, as JSON lines.
    Parse(ParseArgs),
    /// Measure quality against reference data sets.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Extract entities and quotes from JSON Lines `{"id","text"}`, one JSON line out per input.
    Extract(ExtractArgs),
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    ///
    /// For example `attache completions bash > ~/.local/share/bash-completion/completions/attache`,
    /// or `attache completions zsh > "${fpath[1]}/_attache"`.
    Completions {
        /// The shell to write completions for.
        #[arg(value_enum, ignore_case = true)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from this help.
    ///
    /// For example `attache man > ~/.local/share/man/man1/attache.1`, then `man attache`.
    Man,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExtractArgs {
    /// JSON Lines input; `-` or nothing reads standard input.
    pub(crate) input: Option<PathBuf>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// ROUGE-1/2/Lsum F1 of each method's briefings against reference summaries.
    ///
    /// FILE is JSON Lines, one article per line: {"id","title","text","summary"}
    /// with the reference sentences of "summary" separated by "\n". Each article
    /// is briefed as `attache brief --format json --points N --words W --method M`
    /// would brief it, and the candidate summary is what that briefing shows: the
    /// bottom line, then the key points. ROUGE is computed as Google's rouge-score
    /// 0.1.2 with use_stemmer=True.
    Rouge(RougeArgs),
    /// ROUGE-1/2 recall of the daily briefing on multi-document clusters (DUC 2004 Task 2).
    ///
    /// FILE is JSON Lines, one cluster per line: {"id","documents":[{"doc_id","title","text"}],
    /// "summaries":[…]}. For each cluster the daily briefing is built from its
    /// documents; the story sentences in page order are cut to the first 665
    /// bytes and scored against every reference (rouge-score settings, stemming).
    Daily(EvalDailyArgs),
    /// How well `daily --since` tells what changed, on multi-document clusters (DUC 2004 layout).
    ///
    /// Each cluster's documents are ordered by the date in their id and split at the median into
    /// day 1 and day 2. Day 2 (with the other clusters' day-2 documents mixed in) is briefed with
    /// --since day 1's page. Reports the share of clusters whose day-2 story is marked developing,
    /// the share of newly shown day-2 sentences that repeat day 1's page (with and without
    /// --since), and the share of the other clusters' stories marked new.
    Update(EvalUpdateArgs),
    /// Score HTML main-content extraction on a directory holding `ground-truth.json` and
    /// `pages/<id>.html.gz` (the article-extraction benchmark layout): precision, recall and F1
    /// of 4-token shingles.
    Html {
        /// The benchmark directory.
        dir: PathBuf,
        /// Also write per-page scores as JSON lines to FILE.
        #[arg(long, value_name = "FILE")]
        pages: Option<PathBuf>,
    },
    /// Named entities (CoNLL style): exact span and type, P/R/F1 per type, micro over PER/ORG/LOC.
    ///
    /// FILE is JSON Lines, one document per line: {"id","text","entities":[{"start","end","type"}]}
    /// with offsets in code points.
    Ner(EvalExtractArgs),
    /// Direct quotes and their speakers (PolNeAR style).
    ///
    /// FILE is JSON Lines, one article per line: {"id","text","quotes":[…],"partial_quotes":[…]}.
    /// A prediction matches a gold quote when they overlap by at least half of the gold span.
    Quotes(EvalExtractArgs),
    /// The briefing gold metric: people (with role and country), quotes and speakers, positions,
    /// what next and countries.
    ///
    /// FILE is JSON Lines, one article per line: {"id","published","text","people","quotes",
    /// "positions","what_next","countries"} (the "Briefing gold" layout). Each article is briefed
    /// as `attache brief --format json --words 5000 --points 1` would brief it, and every item
    /// of the JSON's lists is scored, shown on the page or not; quotes are also scored from the
    /// extractor alone, as `attache extract` finds them. Figures are micro-averaged.
    Briefing(EvalBriefingArgs),
}

/// Options of `eval briefing`.
#[derive(Debug, clap::Args)]
pub(crate) struct EvalBriefingArgs {
    /// The gold file (JSON Lines).
    pub(crate) file: PathBuf,
    /// Write each article's errors to OUT as JSON lines: missed and spurious people, wrong roles
    /// and countries, missed quotes and wrong speakers, positions, what next and countries.
    #[arg(long, value_name = "OUT")]
    pub(crate) per_article: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// Score these briefings (JSON lines as `attache batch --format json` writes them, matched
    /// to the gold by id) instead of briefing the articles.
    #[arg(long, value_name = "FILE")]
    pub(crate) briefs: Option<PathBuf>,
}

/// Options of `eval ner` and `eval quotes`.
#[derive(Debug, clap::Args)]
pub(crate) struct EvalExtractArgs {
    /// The evaluation set (JSON Lines).
    pub(crate) file: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// Write each document's errors (missed and spurious entities or quotes) to FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) errors: Option<PathBuf>,
    /// Run the extractor N times over the file and report the fastest pass (timing on a busy machine).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub(crate) repeat: u32,
}

#[derive(Debug, clap::Args)]
pub(crate) struct EvalDailyArgs {
    /// The evaluation set (JSON Lines).
    pub(crate) file: PathBuf,
    /// Summary length in bytes (the DUC 2004 convention is 665).
    #[arg(long, default_value_t = 665)]
    pub(crate) bytes: usize,
    /// Key points per story besides the bottom line.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub(crate) points: u8,
    /// Score only the first N clusters.
    #[arg(long, value_name = "N")]
    pub(crate) limit: Option<usize>,
    /// Also write the results as JSON to OUT.
    #[arg(long, value_name = "OUT")]
    pub(crate) json: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct EvalUpdateArgs {
    /// The evaluation set (JSON Lines, as for `eval daily`).
    pub(crate) file: PathBuf,
    /// Use only the first N clusters.
    #[arg(long, value_name = "N")]
    pub(crate) limit: Option<usize>,
    /// Also write the results as JSON to OUT.
    #[arg(long, value_name = "OUT")]
    pub(crate) json: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RougeArgs {
    /// The evaluation set (JSON Lines).
    pub(crate) file: PathBuf,
    /// Methods to compare, comma-separated; by default every method.
    #[arg(long, value_delimiter = ',', value_name = "NAME[,NAME…]")]
    pub(crate) method: Vec<String>,
    /// Key points per article besides the bottom line, as `attache brief --points N`: a number,
    /// or `ref` for as many as the article's reference summary has sentences.
    #[arg(long, default_value = "3", value_name = "N|ref")]
    pub(crate) points: attache_eval::summaries::Points,
    /// Word budget of each briefing, as `attache brief --words N`; the page fitting may drop
    /// lower-ranked key points to meet it.
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = clap::value_parser!(u32).range(50..=5000))]
    pub(crate) words: u32,
    /// Score only the first N articles.
    #[arg(long, value_name = "N")]
    pub(crate) limit: Option<usize>,
    /// Also write the results as JSON to OUT.
    #[arg(long, value_name = "OUT")]
    pub(crate) json: Option<PathBuf>,
    /// Also write the scored sentences as JSON lines to FILE, one per article and method:
    /// {"method","line","id","points","sentences"} (the bottom line, then the key points).
    #[arg(long, value_name = "FILE")]
    pub(crate) candidates: Option<PathBuf>,
}

/// Output formats of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// Markdown
    Md,
    /// Plain text
    Txt,
    /// Printable one-page HTML
    Html,
    /// JSON
    Json,
    /// One-page PDF, printed by headless Chromium
    Pdf,
}

impl FormatArg {
    /// The renderer format; PDF is printed from HTML.
    pub(crate) fn render_format(self) -> attache_render::Format {
        match self {
            FormatArg::Md => attache_render::Format::Markdown,
            FormatArg::Txt => attache_render::Format::Text,
            FormatArg::Html | FormatArg::Pdf => attache_render::Format::Html,
            FormatArg::Json => attache_render::Format::Json,
        }
    }
}

/// Paper sizes for HTML output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PaperArg {
    /// ISO A4
    A4,
    /// US Letter
    Letter,
}

/// Options shared by every command that writes briefings.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct BriefOptions {
    /// Key points to show at most, besides the bottom line.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=20))]
    pub(crate) points: u16,
    /// Word budget of the briefing body; lower-ranked items are dropped to fit, sentences are never cut.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(50..=5000))]
    pub(crate) words: u32,
    /// Scoring method: default, lead, salience, centrality, lexrank, position, title.
    #[arg(long, default_value = "default")]
    pub(crate) method: String,
    /// Directory of templates; a file there replaces the default of the same name.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// Paper size of the HTML page.
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
    pub(crate) paper: PaperArg,
}

impl BriefOptions {
    pub(crate) fn to_options(&self) -> attache::Options {
        let mut o = attache::Options::default();
        o.points = self.points as usize;
        o.words = self.words as usize;
        o.method = self.method.clone();
        o.templates = self.templates.clone();
        o.paper = match self.paper {
            PaperArg::A4 => attache_render::Paper::A4,
            PaperArg::Letter => attache_render::Paper::Letter,
        };
        o
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct BriefArgs {
    /// The article: a .txt or .md file (wire copy), a .json article object, or a saved .html/.htm
    /// page (its main content and metadata are extracted); the kind is also recognised from the
    /// first bytes. `-` or nothing reads standard input.
    pub(crate) input: Option<PathBuf>,
    /// Output format (case-insensitive).
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = FormatArg::Md)]
    pub(crate) format: FormatArg,
    /// Write to FILE instead of standard output (missing folders are created).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) options: BriefOptions,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplatesCommand {
    /// Write the default templates into DIR for editing; use them with --templates DIR.
    Export {
        /// Directory to write into (created if missing).
        dir: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// List the default template names.
    List,
}

#[derive(Debug, clap::Args)]
pub(crate) struct DailyArgs {
    /// Articles: anything `attache batch` reads (article files, JSON Lines, WARC, directories), or `-`
    /// for JSON Lines on standard input.
    #[arg(required = true)]
    pub(crate) inputs: Vec<PathBuf>,
    /// The day to brief, YYYY-MM-DD: only articles published that day are used (articles without
    /// a readable date count for it and are flagged). Default: all articles, labelled with the most
    /// common publication date.
    #[arg(long, value_parser = parse_date)]
    pub(crate) date: Option<String>,
    /// A daily page written earlier with --format json: mark stories new, developing or
    /// continuing, and show only what is new since then.
    #[arg(long, value_name = "PREVIOUS.json")]
    pub(crate) since: Option<PathBuf>,
    /// No progress bar.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Output format (case-insensitive).
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = FormatArg::Md)]
    pub(crate) format: FormatArg,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Stories to show at most.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u16).range(1..=20))]
    pub(crate) stories: u16,
    /// Key points per story besides the bottom line (1 to 3).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub(crate) points: u8,
    /// Word budget of the page body.
    #[arg(long, default_value_t = 520, value_parser = clap::value_parser!(u32).range(100..=3000))]
    pub(crate) words: u32,
    /// Directory of templates; a file there replaces the default of the same name.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// Paper size of the HTML and PDF page.
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
    pub(crate) paper: PaperArg,
    /// Threads for briefing the articles (default: all cores).
    #[arg(long, short = 'j')]
    pub(crate) jobs: Option<usize>,
}

fn parse_date(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if ok { Ok(s.to_string()) } else { Err(format!("expected a date as YYYY-MM-DD, got {s:?}")) }
}

/// Output formats of `attache batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum BatchFormatArg {
    /// One JSON briefing per line (to a file or standard output)
    Json,
    /// One Markdown file per article (in the --output directory)
    Md,
    /// One plain-text file per article (in the --output directory)
    Txt,
    /// One printable HTML page per article (in the --output directory)
    Html,
}

#[derive(Debug, clap::Args)]
pub(crate) struct BatchArgs {
    /// Inputs: JSON Lines files (plain, .gz or .zst), directories (their .txt .md .html .htm .json
    /// .jsonl and .warc files, optionally .gz/.zst, recursively), WARC files (.warc, .warc.gz), or
    /// `-` for JSON Lines on standard input.
    #[arg(required = true)]
    pub(crate) inputs: Vec<PathBuf>,
    /// Where to write: a file for --format json (default: standard output), a directory otherwise;
    /// missing folders are created.
    #[arg(short, long, value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,
    /// Output format (case-insensitive).
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = BatchFormatArg::Json)]
    pub(crate) format: BatchFormatArg,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// Error records (JSON lines) go to PATH; `-` puts them on standard output, in input order,
    /// among the briefings. Default: beside the output (OUTPUT.errors.jsonl), or standard error.
    #[arg(long, value_name = "PATH")]
    pub(crate) errors: Option<PathBuf>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// With md, txt or html: replace files already in the --output folder (links are removed, never
    /// followed). Without it, an existing name gets the next free `-2`, `-3`, … name.
    #[arg(long)]
    pub(crate) force: bool,
    #[command(flatten)]
    pub(crate) options: BriefOptions,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ParseArgs {
    /// Inputs, as for `attache batch`.
    #[arg(required = true)]
    pub(crate) inputs: Vec<PathBuf>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}
