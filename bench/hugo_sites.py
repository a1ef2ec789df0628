"""The two Hugo sites the export benchmark builds from the same Markdown (bench/generate_articles.py
writes it to hugo/content):

- minimal: article pages, section lists paged by 20 and RSS — the least a news site needs;
- equivalent: the outputs `dateline export` writes — the article page with its metadata and JSON-LD,
  a lite twin of every article, section and home page (a custom output format under /lite/), RSS, Atom,
  JSON Feed and a podcast feed for the site and every section, a paged page with RSS, Atom and JSON Feed
  for every contributor, a search index, sitemap, robots.txt and a 404 page.

Each is written as its own folder with a `hugo.toml` whose contentDir is the shared content.
Written for Hugo 0.111 (Debian 12): `paginate`, not the later `[pagination]` table.
"""

from pathlib import Path

MINIMAL_CONFIG = """baseURL = "https://news.example/"
title = "Dateline benchmark"
contentDir = "{content}"
disableKinds = ["taxonomy", "term"]
paginate = 20
[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
page = ["HTML"]
"""

MINIMAL_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body>
<header><a href="/">{{ site.Title }}</a><nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.dek }}<p>{{ . }}</p>{{ end }}
<p>{{ .Params.dateline }} · <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time> · {{ delimit .Params.contributors ", " }}</p>
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time></li>{{ end }}
</ul>{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">Newer</a>{{ end }} {{ if .HasNext }}<a href="{{ .Next.URL }}">Older</a>{{ end }}{{ end }}{{ end }}
""",
}

EQUIVALENT_CONFIG = """baseURL = "https://news.example/"
title = "Dateline benchmark"
languageCode = "en"
contentDir = "{content}"
paginate = 20
rssLimit = 30
enableRobotsTXT = true
disableKinds = ["taxonomy"]
ignoreErrors = ["error-disable-taxonomy"]
[taxonomies]
contributor = "contributors"
[mediaTypes."application/atom+xml"]
suffixes = ["atom"]
[mediaTypes."application/feed+json"]
suffixes = ["json"]
[outputFormats.RSS]
baseName = "feed"
[outputFormats.Atom]
mediaType = "application/atom+xml"
baseName = "feed"
[outputFormats.JSONFeed]
mediaType = "application/feed+json"
baseName = "feed"
isPlainText = true
[outputFormats.Podcast]
mediaType = "application/rss+xml"
baseName = "podcast"
[outputFormats.Lite]
mediaType = "text/html"
path = "lite"
isHTML = true
permalinkable = true
[outputFormats.SearchIndex]
mediaType = "application/json"
baseName = "index"
path = "search"
isPlainText = true
notAlternative = true
[outputs]
home = ["HTML", "Lite", "RSS", "Atom", "JSONFeed", "Podcast", "SearchIndex"]
section = ["HTML", "Lite", "RSS", "Atom", "JSONFeed", "Podcast"]
term = ["HTML", "RSS", "Atom", "JSONFeed"]
page = ["HTML", "Lite"]
"""

# The pages of a feed: the newest 30 of the site, a section or a contributor.
FEED_PAGES = '{{ $pages := first 30 (cond .IsHome site.RegularPages .RegularPages) }}'

EQUIVALENT_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}"><meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}"><meta name="twitter:card" content="summary">
{{ with .Params.dek }}<meta name="description" content="{{ . }}"><meta property="og:description" content="{{ . }}">{{ end }}
{{ range .AlternativeOutputFormats }}<link rel="alternate" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/site.css">
</head><body>
<a class="skip" href="#main">Skip to content</a>
<header><a href="/">{{ site.Title }}</a><form action="/search/" role="search"><input name="q" aria-label="Search"></form>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><a href="{{ with .OutputFormats.Get "lite" }}{{ .RelPermalink }}{{ end }}">Lite edition</a></footer>
</body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.dek }}<p class="dek">{{ . }}</p>{{ end }}
<p>{{ .Params.dateline }} · <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<ul class="contributors">{{ range .GetTerms "contributors" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ .Content }}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "NewsArticle" "headline" .Title "description" .Params.dek "datePublished" (.Date.Format "2006-01-02T15:04:05Z07:00") "dateModified" (.Lastmod.Format "2006-01-02T15:04:05Z07:00") "inLanguage" "en" "isAccessibleForFree" true "mainEntityOfPage" .Permalink "author" .Params.contributors "publisher" (dict "@type" "Organization" "name" site.Title) | jsonify | safeJS }}</script>
</article>
{{ end }}
""",
    "_default/single.lite.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }} lite</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="{{ .Permalink }}">
<style>body{max-width:40em;margin:auto;padding:0 1em;font:1rem/1.5 sans-serif}</style></head><body>
<p><a href="/lite/">{{ site.Title }} lite</a></p><h1>{{ .Title }}</h1>{{ with .Params.dek }}<p>{{ . }}</p>{{ end }}
<p>{{ .Params.dateline }} · {{ .Date.Format "2 January 2006" }} · {{ delimit .Params.contributors ", " }}</p>
{{ .Content }}<p><a href="{{ .RelPermalink }}">Full page</a></p></body></html>
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ with .Params.dek }}<p>{{ . }}</p>{{ end }}<time>{{ .Date.Format "2 January 2006" }}</time></li>{{ end }}
</ul>{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">Newer</a>{{ end }} {{ if .HasNext }}<a href="{{ .Next.URL }}">Older</a>{{ end }}{{ end }}{{ end }}
""",
    "_default/list.lite.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }} lite</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<p><a href="/lite/">{{ site.Title }} lite</a></p><h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ with .OutputFormats.Get "lite" }}{{ .RelPermalink }}{{ end }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }}</li>{{ end }}
</ul>{{ with .Paginator }}{{ if .HasPrev }}<a href="{{ .Prev.URL }}">Newer</a>{{ end }} {{ if .HasNext }}<a href="{{ .Next.URL }}">Older</a>{{ end }}{{ end }}</body></html>
""",
    "index.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>{{ range site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><ul>
{{ range first 6 .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ with .Params.dek }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul></section>{{ end }}{{ end }}
""",
    "index.lite.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ site.Title }} lite</title></head><body><h1>{{ site.Title }} lite</h1>
{{ range site.Sections }}<h2><a href="{{ with .OutputFormats.Get "lite" }}{{ .RelPermalink }}{{ end }}">{{ .Title }}</a></h2><ul>
{{ range first 6 .RegularPages }}<li><a href="{{ with .OutputFormats.Get "lite" }}{{ .RelPermalink }}{{ end }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</body></html>
""",
    "index.searchindex.json": """{{ $items := slice }}{{ range site.RegularPages }}{{ $items = $items | append (dict "h" .Title "d" .Params.dek "u" .RelPermalink "s" .Section "t" (.Date.Format "2006-01-02")) }}{{ end }}{{ dict "articles" $items | jsonify }}
""",
    "_default/list.rss.xml": FEED_PAGES + """{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ .Title }}</description>
{{ range $pages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>
""",
    "_default/list.podcast.xml": """{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ .Title }} podcast</title><link>{{ .Permalink }}</link><description>{{ .Title }}</description></channel></rss>
""",
    "_default/list.atom.atom": FEED_PAGES + """{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom"><title>{{ .Title }}</title><id>{{ .Permalink }}</id><updated>{{ now.Format "2006-01-02T15:04:05Z07:00" }}</updated>
{{ range $pages }}<entry><title>{{ .Title }}</title><id>{{ .Permalink }}</id><link href="{{ .Permalink }}"/><updated>{{ .Lastmod.Format "2006-01-02T15:04:05Z07:00" }}</updated><summary>{{ .Params.dek }}</summary><content type="html">{{ .Content | html }}</content></entry>
{{ end }}</feed>
""",
    "_default/list.jsonfeed.json": FEED_PAGES + """{{ $items := slice }}{{ range $pages }}{{ $items = $items | append (dict "id" .Permalink "url" .Permalink "title" .Title "content_html" .Content "summary" .Params.dek "date_published" (.Date.Format "2006-01-02T15:04:05Z07:00") "authors" .Params.contributors "language" "en") }}{{ end }}{{ dict "version" "https://jsonfeed.org/version/1.1" "title" .Title "home_page_url" .Permalink "items" $items | jsonify }}
""",
    "404.html": """{{ define "main" }}<h1>Page not found</h1><p><a href="/">Home</a></p>{{ end }}
""",
}

SITES = {
    "minimal": (MINIMAL_CONFIG, MINIMAL_LAYOUTS),
    "equivalent": (EQUIVALENT_CONFIG, EQUIVALENT_LAYOUTS),
}


def write(name: str, hugo_root: Path) -> Path:
    """Writes site NAME beside the shared content in HUGO_ROOT; returns its folder."""
    config, layouts = SITES[name]
    site = hugo_root / name
    site.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(config.replace("{content}", str((hugo_root / "content").resolve())))
    for path, text in layouts.items():
        (site / "layouts" / path).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / path).write_text(text)
    return site
