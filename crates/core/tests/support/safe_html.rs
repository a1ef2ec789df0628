//! What sanitised HTML may never hold, checked tag by tag: shared by the
//! markdown fuzz target (fuzz/) and the regression tests of what it found.

/// The first thing in `html` a browser could run: a `<script>`/`<style>`/
/// `<iframe>`-like element, an `on…` attribute, or a `javascript:`,
/// `vbscript:` or `data:` address. `None` when there is none.
pub fn unsafe_markup(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = tag_end(rest)?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let name = name.to_ascii_lowercase();
        if ["script", "style", "iframe", "object", "embed", "svg", "math", "form", "meta", "link", "base"]
            .contains(&name.as_str())
        {
            return Some(format!("element <{name}> in {tag:?}"));
        }
        for (attribute, value) in attributes(tag) {
            if attribute.starts_with("on") {
                return Some(format!("event attribute {attribute} in {tag:?}"));
            }
            if attribute == "style" {
                return Some(format!("style attribute in {tag:?}"));
            }
            let url: String = decode(&value).chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
            let url = url.to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:"].iter().any(|s| url.starts_with(s)) {
                return Some(format!("{attribute}={value:?} in {tag:?}"));
            }
        }
    }
    None
}

/// Where the tag starting at `s` ends (its `>` outside quotes).
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// A tag's attributes, names lower-cased, values as written.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let body = tag.trim_start_matches('/');
    let mut rest = &body[body.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(body.len())..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return found;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, r) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v.to_owned();
            rest = r;
        }
        found.push((name, value));
    }
}

/// Character references a browser would decode in an attribute value.
fn decode(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let end = rest.find(';').unwrap_or(0);
        let entity = &rest[..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "colon" => Some(':'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "Tab" | "NewLine" => Some(' '),
            e if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) if end > 0 => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}
