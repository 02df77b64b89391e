//! Load-time checks that keep every template's rendering bounded: block
//! nesting the parser can take, no partial that can include itself (directly,
//! through other partials or through inline partials), no partial named at
//! render time, a bounded number of partial expansions, and `{{#each}}`
//! loops nested at most [`MAX_EACH_NESTING`] deep (through partials too), so
//! that time grows at most with the fourth power of a list's length.

use std::collections::BTreeMap;

use handlebars::template::{Parameter, Template, TemplateElement};

/// Deepest nesting of blocks (`{{#…}}`) and subexpressions a template may have.
pub(crate) const MAX_NESTING: usize = 100;
/// Longest chain of partials one template may include through.
pub(crate) const MAX_PARTIAL_DEPTH: usize = 32;
/// Most partial inclusions one template may expand to (not counting loops).
pub(crate) const MAX_EXPANSIONS: u64 = 1_000;
/// Deepest nesting of `{{#each}}` loops, counted through partials.
pub(crate) const MAX_EACH_NESTING: usize = 4;

/// The deepest block or subexpression nesting in `text`, and how many
/// partial inclusions it writes, counted on the source before it is parsed
/// (the parser recurses once per level, and takes time growing faster than
/// the number of partials). Counts generously: what is inside a comment
/// counts too.
pub(crate) fn nesting(text: &str) -> (usize, u64) {
    let b = text.as_bytes();
    let (mut depth, mut max, mut i, mut partials) = (0usize, 0usize, 0usize, 0u64);
    while i + 2 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'{' {
            let mut j = i + 2;
            while j < b.len() && (b[j] == b'{' || b[j] == b'~') {
                j += 1;
            }
            match b.get(j) {
                Some(b'>') => partials += 1,
                Some(b'#') => {
                    depth += 1;
                    partials += u64::from(b.get(j + 1) == Some(&b'>'));
                }
                Some(b'^') if b.get(j + 1).is_some_and(|c| !matches!(c, b'}' | b'~' | b' ')) => depth += 1,
                Some(b'/') => depth = depth.saturating_sub(1),
                _ => {}
            }
            // Parentheses inside this mustache.
            let mut parens = 0usize;
            while j < b.len() && !(b[j] == b'}' && b.get(j + 1) == Some(&b'}')) {
                match b[j] {
                    b'(' => {
                        parens += 1;
                        max = max.max(depth + parens);
                    }
                    b')' => parens = parens.saturating_sub(1),
                    _ => {}
                }
                j += 1;
            }
            max = max.max(depth);
            i = j;
        } else {
            i += 1;
        }
    }
    (max, partials)
}

/// What a template (or inline partial) includes, by partial name.
#[derive(Default)]
struct Node {
    /// Partials included, with the `each` nesting at the place of inclusion.
    calls: Vec<(String, usize)>,
    /// Deepest `each` nesting inside the node itself.
    each: usize,
}

/// A template or partial that cannot be rendered safely, by template name.
pub(crate) struct Unsafe {
    /// The template where the problem shows.
    pub(crate) template: String,
    /// What is wrong, in words.
    pub(crate) reason: String,
}

/// The partial graph of a registry's templates, checked for cycles, dynamic
/// names, depth and expansion count. `templates` maps template names
/// (`brief.md`) to their parsed form.
pub(crate) fn check_partials<'a>(
    templates: impl Iterator<Item = (&'a str, &'a Template)>,
) -> Result<(), Unsafe> {
    // Nodes: `T` for template T, `T#x` for the inline partial x defined in T.
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    // Who answers to a partial name: the template of that name, and every
    // inline partial of that name anywhere (inline partials are looked up
    // by name in whatever template includes them).
    let mut targets: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, tmpl) in templates {
        let mut node = Node::default();
        let mut inlines = Vec::new();
        walk(tmpl, name, &mut node, &mut inlines, 0)?;
        nodes.insert(name.to_string(), node);
        targets.entry(name.to_string()).or_default().push(name.to_string());
        for (inline, node) in inlines {
            let key = format!("{name}#{inline}");
            targets.entry(inline).or_default().push(key.clone());
            nodes.insert(key, node);
        }
    }
    let mut state: BTreeMap<&str, Visit> = BTreeMap::new();
    for start in nodes.keys() {
        visit(start, &nodes, &targets, &mut state, &mut Vec::new())?;
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Visit {
    Open,
    /// Longest partial chain below this node, its expansion count and its
    /// deepest `each` nesting.
    Done(usize, u64, usize),
}

fn owner(node: &str) -> String {
    node.split('#').next().unwrap_or(node).to_string()
}

fn visit<'a>(
    node: &'a str,
    nodes: &'a BTreeMap<String, Node>,
    targets: &'a BTreeMap<String, Vec<String>>,
    state: &mut BTreeMap<&'a str, Visit>,
    path: &mut Vec<&'a str>,
) -> Result<(usize, u64, usize), Unsafe> {
    match state.get(node) {
        Some(Visit::Done(d, n, e)) => return Ok((*d, *n, *e)),
        Some(Visit::Open) => {
            let from = path.iter().position(|p| *p == node).unwrap_or(0);
            let cycle: Vec<&str> = path[from..].iter().copied().chain([node]).collect();
            return Err(Unsafe {
                template: owner(node),
                reason: format!("partials include each other in a loop: {}", cycle.join(" → ")),
            });
        }
        None => {}
    }
    state.insert(node, Visit::Open);
    path.push(node);
    let (mut depth, mut count, mut each) = (0usize, 0u64, nodes[node].each);
    for (call, at) in &nodes[node].calls {
        for target in targets.get(call).into_iter().flatten() {
            let (d, n, e) = visit(target, nodes, targets, state, path)?;
            depth = depth.max(d + 1);
            count = count.saturating_add(n.saturating_add(1));
            each = each.max(at + e);
        }
    }
    path.pop();
    if each > MAX_EACH_NESTING {
        return Err(Unsafe {
            template: owner(node),
            reason: format!(
                "{{{{#each}}}} loops nest {each} deep, counting partials (at most {MAX_EACH_NESTING})"
            ),
        });
    }
    if depth > MAX_PARTIAL_DEPTH || count > MAX_EXPANSIONS {
        return Err(Unsafe {
            template: owner(node),
            reason: format!(
                "partials nest {depth} deep and expand {count} times (at most {MAX_PARTIAL_DEPTH} deep and {MAX_EXPANSIONS} times)"
            ),
        });
    }
    state.insert(node, Visit::Done(depth, count, each));
    Ok((depth, count, each))
}

/// A partial or inline-partial name fixed in the template text, or `None`
/// when it is computed at render time.
fn static_name(p: &Parameter) -> Option<String> {
    match p {
        Parameter::Literal(serde_json::Value::String(s)) => Some(s.clone()),
        other => other.as_name().map(str::to_string),
    }
}

fn walk(
    t: &Template,
    name: &str,
    node: &mut Node,
    inlines: &mut Vec<(String, Node)>,
    each: usize,
) -> Result<(), Unsafe> {
    node.each = node.each.max(each);
    let dynamic = |what: &str| Unsafe {
        template: name.to_string(),
        reason: format!("{what} names must be written out, not computed (`{{{{> (…)}}}}`)"),
    };
    for e in &t.elements {
        match e {
            TemplateElement::HelperBlock(h) => {
                let looping = h.name.as_name() == Some("each");
                if let Some(sub) = &h.template {
                    walk(sub, name, node, inlines, each + usize::from(looping))?;
                }
                if let Some(sub) = &h.inverse {
                    walk(sub, name, node, inlines, each)?;
                }
            }
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                let target = static_name(&d.name).ok_or_else(|| dynamic("partial"))?;
                if target != "@partial-block" {
                    node.calls.push((target, each));
                }
                if let Some(sub) = &d.template {
                    walk(sub, name, node, inlines, each)?;
                }
            }
            TemplateElement::DecoratorBlock(d) | TemplateElement::DecoratorExpression(d) => {
                let is_inline = static_name(&d.name).is_some_and(|n| n == "inline");
                match (&d.template, is_inline) {
                    (Some(body), true) => {
                        let inline = d
                            .params
                            .first()
                            .and_then(static_name)
                            .ok_or_else(|| dynamic("inline partial"))?;
                        // Its loops count where it is included.
                        let mut inner = Node::default();
                        walk(body, name, &mut inner, inlines, 0)?;
                        inlines.push((inline, inner));
                    }
                    (Some(body), false) => walk(body, name, node, inlines, each)?,
                    (None, _) => {}
                }
            }
            // Text, expressions and comments include nothing.
            _ => {}
        }
    }
    Ok(())
}
