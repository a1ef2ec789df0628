//! One article file → a validated article and the media it needs, or every
//! problem with it. Nothing is written here: the caller stores the result.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dateline_core::front_matter::{FileProblem, parse_article};
use dateline_core::markdown::{self, ResolvedImage};
use dateline_core::time::parse_time;
use dateline_core::{Article, Language, LeadImage, Problems, Slug, Status};
use dateline_store::Store;
use dateline_store::images::{PreparedImage, media_key};

use crate::ImportOptions;
use crate::folder::ContentFolder;

pub struct ReadyArticle {
    pub article: Article,
    pub media: Vec<PreparedImage>,
}

/// Outer `Err`: the store failed. Inner `Err`: the file has problems.
pub async fn read(
    store: &dyn Store,
    folder: &ContentFolder,
    path: &Path,
    options: &ImportOptions,
    claimed: &HashMap<Slug, PathBuf>,
) -> Result<Result<ReadyArticle, Vec<FileProblem>>, dateline_store::StoreError> {
    let file = match folder.read_text(path).and_then(|text| parse_article(&text)) {
        Ok(file) => file,
        Err(problem) => return Ok(Err(vec![problem])),
    };
    let front = file.front;
    let mut problems = Problems::new();
    let mut media = Vec::new();

    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let slug = Slug::parse(front.slug.as_deref().unwrap_or(stem)).map_err(|e| problems.add("slug", e)).ok();
    if let Some(other) = slug.as_ref().and_then(|s| claimed.get(s)) {
        problems.add(
            "slug",
            format!(
                "'{}' is already used by {}",
                front.slug.as_deref().unwrap_or(stem),
                folder.relative(other).display()
            ),
        );
    }

    let section = match Slug::parse(&front.section) {
        Ok(s) => match store.section(s.as_str()).await? {
            Some(section) => Some(section),
            None => {
                problems.add("section", format!("'{s}' is not a section: add it to sections.toml"));
                None
            }
        },
        Err(e) => {
            problems.add("section", e);
            None
        }
    };
    let language = match &front.language {
        Some(tag) => Language::parse(tag).map_err(|e| problems.add("language", e)).ok(),
        None => Some(section.as_ref().map(|s| s.language.clone()).unwrap_or_else(Language::english)),
    };

    let mut contributors = Vec::new();
    for name in &front.contributors {
        match Slug::parse(name) {
            Ok(s) if store.contributor(s.as_str()).await?.is_some() => contributors.push(s),
            Ok(s) => problems.add("contributors", format!("'{s}' is not a contributor: add contributors/{s}.toml")),
            Err(e) => problems.add("contributors", e),
        }
    }

    let time = |field: &str, value: &Option<dateline_core::front_matter::TimeValue>, problems: &mut Problems| {
        value.as_ref().and_then(|v| parse_time(&v.text(), &options.time_zone).map_err(|e| problems.add(field, e)).ok())
    };
    let published = time("published", &front.published, &mut problems);
    let updated = time("updated", &front.updated, &mut problems);

    let lead_image = match &front.lead_image {
        Some(lead) => match folder.load_image(path, &lead.file, false) {
            Ok(prepared) => {
                let key = master_key(&prepared);
                media.push(prepared);
                Some(LeadImage {
                    media: key,
                    alt: lead.alt.clone().unwrap_or_default().trim().to_owned(),
                    caption: non_blank(&lead.caption),
                    credit: non_blank(&lead.credit),
                })
            }
            Err(message) => {
                problems.add("lead_image.file", message);
                None
            }
        },
        None => None,
    };

    let mut inline = HashMap::new();
    for src in markdown::image_sources(&file.body) {
        match folder.load_image(path, &src, false) {
            Ok(prepared) => {
                let (key, facts) = (master_key(&prepared), prepared.master.facts);
                inline.insert(
                    src,
                    ResolvedImage { url: format!("/media/{key}"), width: facts.width, height: facts.height },
                );
                media.push(prepared);
            }
            Err(message) => problems.add("body", message),
        }
    }
    let body = match markdown::render(&file.body, &inline) {
        Ok(body) => Some(body),
        Err(p) => {
            // Missing images were reported above with the reason; keep the other problems.
            for p in p.iter().filter(|p| !p.message.contains("was not found")) {
                problems.add(p.field.clone(), p.message.clone());
            }
            None
        }
    };

    let status = if front.draft || published.is_none() { Status::Draft } else { Status::Published };
    if let (Some(slug), Some(section), Some(language), Some(body), true) =
        (slug, section, language, body, problems.is_empty())
    {
        let article = Article {
            slug,
            language,
            section: section.slug,
            tags: front.tags.iter().map(|t| t.trim().to_owned()).collect(),
            headline: front.headline.trim().to_owned(),
            dek: non_blank(&front.dek),
            dateline: non_blank(&front.dateline),
            summary: front.summary.iter().map(|s| s.trim().to_owned()).collect(),
            lead_image,
            body,
            contributors,
            status,
            published,
            updated,
        };
        match article.validate() {
            Ok(()) => return Ok(Ok(ReadyArticle { article, media })),
            Err(p) => problems.extend(p),
        }
    }
    Ok(Err(problems.iter().map(|p| FileProblem::new(None, format!("{}: {}", p.field, p.message))).collect()))
}

fn non_blank(text: &Option<String>) -> Option<String> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

fn master_key(image: &PreparedImage) -> String {
    media_key(&image.master.bytes, image.master.facts.extension())
}
