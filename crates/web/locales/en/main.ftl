# Dateline — reader-facing interface strings (English).
# Every string a reader sees on the public site lives here; templates call
# t("message-id") or t("message-id", name=value).

## Site

site-tagline = News you can read, and hear, anywhere.
footer-text = Made to work on any phone, on any connection.
home-link = Go to the home page

## Skip links

skip-to-content = Skip to main content
skip-to-navigation = Skip to navigation
skip-to-search = Skip to search

## Header, navigation and search

nav-label = Sections
breaking-label = Breaking
search-label = Search the news
search-placeholder = Search
search-button = Search
search-title = Search
search-page-label = Words to search for
search-hint = Search every published article by words in its headline, summary or text.
# $count (number) articles matched $query (string)
search-results =
    { $count ->
        [0] No articles match “{ $query }”
        [one] One article matches “{ $query }”
       *[other] { $count } articles match “{ $query }”
    }
search-no-results = Nothing matched. Check the spelling, or try fewer or different words.
search-bad-text = Those search words could not be read: the link holds something that is not text. Type your search again.

## Home and lists

home-heading = Top stories
top-story-heading = Top story
latest-heading = Latest
# $section (string) section name
more-from-section = More from { $section }
empty-home-title = Nothing published yet
empty-home = Stories will appear here as soon as the newsroom publishes them.
empty-section = No stories in this section yet.
empty-contributor = No published stories yet.
# $name (string) contributor's name
contributor-articles-heading = Stories by { $name }
pagination-label = More stories
pagination-newer = Newer
pagination-older = Older

## Article

published-label = Published
updated-label = Updated
# $names (string) contributors' names, joined
by-line = By { $names }
# $credit (string) who made the image
image-credit = Image: { $credit }
listen-label = Listen to this article
# $minutes (number) length of the narration, rounded
listen-title = Listen · { $minutes } min
listen-automated = This audio is automated
listen-transcript = Transcript
podcast-description = Every story, read aloud. The narration is made automatically by a synthetic voice.
podcast-link = Podcast of the narrations
# $megabytes (number) size of the MP3
listen-download = Download the audio (MP3, { $megabytes } MB)

## Audio player (enhanced by player.js; the native controls work without it)

player-play = Play
player-pause = Pause
player-back-15 = Back 15 seconds
player-forward-15 = Forward 15 seconds
player-speed = Speed
# $rate (number) playback speed, e.g. 1.25
player-speed-option = { $rate }×
player-seek = Playback position
# The seek bar's value for screen readers: "1 min 20 s of 6 min 5 s".
# $elapsed (string) and $total (string) are player-minutes-seconds or player-seconds
player-time = { $elapsed } of { $total }
# $minutes (number) and $seconds (number) of a time in the narration
player-minutes-seconds = { $minutes } min { $seconds } s
# $seconds (number) a time under a minute
player-seconds = { $seconds } s
summary-heading = Key points
contributors-heading = About the contributors
desk-label = Desk

## Text size

text-size-label = Text size
# The letter shown, at four sizes, on the text-size buttons (a picture, not read aloud)
text-size-glyph = A
# $size (string) one of the four sizes below; the accessible name of each size link
text-size-choice = Text size: { $size }
text-size-xs = Extra small
text-size-sm = Small
text-size-md = Medium
text-size-lg = Large

## Errors

# $status (number) HTTP status code
error-status = Error { $status }
error-404-title = Page not found
error-404-message = We can’t find the page you asked for. It may have moved, or the address may be mistyped.
error-500-title = Something went wrong
error-500-message = Our server had a problem showing this page. Please try again in a few minutes.

## Errors (newsroom)

error-403-title = Not allowed
error-403-message = Your account cannot do that. If you think it should, ask an editor or an admin.
error-400-title = That request could not be used
error-400-message = Something in the request was not right. Go back and try again.

## Newsroom

newsroom-title = Newsroom
newsroom-nav-label = Newsroom
newsroom-nav-articles = Articles
newsroom-nav-users = People
newsroom-nav-audit = Audit log
newsroom-nav-password = Password
newsroom-to-site = Go to the public site
# $name (string) $role (string)
newsroom-signed-in-as = { $name } ({ $role })
newsroom-sign-out = Sign out
newsroom-articles-caption = Published articles, newest first
newsroom-col-headline = Headline
newsroom-col-section = Section
newsroom-col-published = Published
sign-in-title = Sign in to the newsroom
sign-in-email = Email address
sign-in-password = Password
sign-in-button = Sign in
sign-in-failed = The email address or password is not right.
sign-in-too-many = Too many attempts to sign in. Wait 15 minutes, then try again.
sign-in-link-title = Sign in with your one-time link
sign-in-link-explain = This link signs you in once. Then choose a password for your account.
form-has-problems = Please correct the following:
password-current = Current password
password-new = New password
password-hint = At least 12 characters. A few unrelated words make a strong password.
password-repeat = New password again
password-save = Save the password
password-changed = Your password was changed. Other devices signed in with the old one have been signed out.
password-current-wrong = The current password is not right.
password-mismatch = The new passwords are not the same.
users-col-name = Name
users-col-role = Role
# $name (string)
users-role-of = Role of { $name }
# $name (string)
users-set-role = Save the role of { $name }
newsroom-nav-api-keys = API keys
api-keys-intro = Other systems use these keys with the content API (/api/openapi.json). A key acts with its role, under the same rules as people, and is named in revisions and the audit log.
# $name (string)
api-keys-made = The key "{ $name }" was made. Copy it now: it is not shown again.
api-keys-the-key = The new key
api-keys-col-created = Made
api-keys-col-state = State
api-keys-revoked = Revoked
# $name (string)
api-keys-revoke = Revoke { $name }
api-keys-new = A new key
api-keys-add = Make the key
audit-col-when = When
audit-col-who = Who
audit-col-what = What
audit-col-subject = About
audit-col-detail = Detail
newsroom-col-status = Status
newsroom-col-owner = Owner
newsroom-col-modified = Last changed
newsroom-no-articles = No articles yet. Start one with “New article”.
status-new = New
status-draft = Draft
status-in_review = In review
status-scheduled = Scheduled
status-published = Published
status-unpublished = Unpublished
editor-new-title = New article
editor-edit-title = Edit article
editor-saved = Saved.
# $count (number)
editor-has-problems = { $count ->
    [one] One thing needs fixing before this can be saved; it is marked below.
   *[other] { $count } things need fixing before this can be saved; they are marked below.
}
# $revision (number)
editor-conflict = Someone saved this article (revision { $revision }) while you were editing. Nothing of yours was saved, and your text is still in the form below. Their version of the fields that differ:
editor-history = Revision history
editor-back = Back to the article
editor-field-headline = Headline
editor-field-dek = Standfirst
editor-field-slug = Web address (slug)
editor-field-section = Section
editor-field-contributors = Contributors
editor-field-dateline = Dateline (place)
editor-field-language = Language (BCP 47, e.g. en, sw, fa)
editor-field-tags = Tags
editor-field-summary = Summary
editor-field-body = Text (Markdown)
editor-field-publish_at = Publication time
editor-slug-hint = Lowercase words joined by hyphens. Leave empty to make one from the headline.
editor-contributors-hint = Contributor names as in their web addresses, separated by commas, in credit order.
editor-tags-hint = Separated by commas.
editor-summary-hint = One key point per line, up to five.
editor-body-hint = Markdown: # for a section heading, > for a quotation (end it with a line starting with — and the speaker), ![what it shows](/media/…) for a picture.
editor-publish-hint = Empty publishes now. A future time (2026-12-01T06:00:00Z) schedules it.
editor-save = Save
editor-preview = Preview
editor-submit = Submit for review
editor-publish = Publish
history-col-revision = Revision
editor-unpublish = Unpublish
newsroom-nav-breaking = Breaking news
breaking-current = Up now, until { $until }:
breaking-none = No breaking-news strip is up.
breaking-field-text = What the strip says
breaking-field-link = Link (a site path like /articles/slug, or a web address)
breaking-field-until = Lowers itself after (a duration like 90m or 2h, or a time)
breaking-raise = Raise the strip
breaking-lower = Lower it now
breaking-raised = The strip is up on every page.
breaking-lowered = The strip is down.
corrections-heading = Correction
correction-add-heading = Add a correction
correction-field = Correction notice
correction-hint = Shown under the headline with today's date, read at the start of the narration, and kept in the audit log. Say what was wrong and what is right.
correction-add = Add the correction
history-col-changed = Changed
history-col-restore = Restore
history-first = First version
# $number (number)
history-restore = Restore revision { $number }
# $number (number)
editor-restoring = This is revision { $number }, loaded into the form. Save to make it the newest revision; nothing changes until you do.
newsroom-nav-lexicon = Pronunciation
lexicon-explain = How the narrator says names of people and places. Narrations are updated within seconds of saving; only sentences that use a changed entry are spoken again.
lexicon-languages = Languages
lexicon-language = Language (e.g. en, sw)
lexicon-entries = Entries
lexicon-hint = One per line: "Nyando" = {"{"} say = "Nyahn-doh" {"}"} for a respelling, or "Kisumu" = {"{"} ipa = "kiˈsuːmu" {"}"} for IPA.
lexicon-save = Save the pronunciations
lexicon-saved = Saved. Narrations that use these words are being updated.
lexicon-not-saved = Nothing was saved. Correct the following and save again:
newsroom-nav-contributors = Contributors
newsroom-nav-sections = Sections
catalogue-col-slug = Web address
catalogue-col-kind = Kind
kind-person = Person
kind-desk = Desk
catalogue-bio = Short biography
catalogue-language = Language
catalogue-position = Position in the navigation
catalogue-save = Save
catalogue-new-contributor = Add a contributor
catalogue-new-section = Add a section
# $name (string)
catalogue-edit = Edit { $name }
newsroom-nav-media = Media library
media-upload-heading = Upload an image
media-field-file = Image file
# $megabytes (number), $megapixels (number)
media-file-hint = JPEG, PNG, WebP or GIF; at most { $megabytes } MB and { $megapixels } megapixels. Location, camera and other hidden data are removed; smaller copies are made for phones.
media-drop-hint = Or drop an image file here.
media-field-alt = Alt text
media-alt-hint = What the image shows, for people who cannot see it. Not the caption: the caption is written with the article.
media-field-credit = Credit
media-credit-hint = Who made the image or owns it, e.g. "Asha Mwangi / Dateline".
media-progress = Uploading
media-upload = Upload
media-not-uploaded = Nothing was uploaded. Correct the following and choose the file again:
# $alt (string)
media-uploaded = Uploaded: { $alt }. It can now be chosen as a lead image or a contributor photo.
# $count (number)
media-library-heading = In the library ({ $count })
media-empty = The library is empty: upload the first image above.
media-no-credit = No credit given
media-uploading-failed = The upload did not reach the server. Nothing was stored; try again.

# $megabytes (number)
media-too-large = The file is larger than { $megabytes } MB: choose a smaller image.
editor-field-lead_image = Lead image
editor-field-lead_caption = Lead image caption
editor-no-lead-image = No lead image
editor-lead-image-hint = Chosen from the media library, which gives its alt text and credit. Upload new images there first.
catalogue-photo = Photo
catalogue-no-photo = No photo
catalogue-current-photo = The current photo
catalogue-photo-hint = Chosen from the media library; it is cropped to 16:9 around its centre.
# Kept work: the editor's text survives a failed save, a closed tab or an ended session.
sign-in-kept = You were signed out, so nothing was saved. Your text is kept: sign in, and it will be back in the editor.
editor-kept = You were signed out before this was saved. Your text was kept and is in the form below: check it, then save again.
# $time (string) when the browser kept it
editor-local-found = This browser kept text from { $time } that differs from the saved version.
editor-local-older = Someone has saved a newer version since then. If you restore your text, Save will show you what differs before anything is overwritten.
editor-local-heading = Unsaved text in this browser
editor-local-restore = Restore my text
editor-local-discard = Discard it
editor-local-restored = Your text from this browser is back in the form. It is not saved yet.
editor-local-discarded = The text kept in this browser was discarded.
# $time (string)
editor-autosave-saved = Saved { $time }.
# $time (string)
editor-autosave-new = Kept in this browser { $time }. It reaches the newsroom when you press Save.
# $time (string)
editor-autosave-live = Kept in this browser { $time }. This article is live: changes reach readers only when you press Save.
editor-autosave-signed-out = Not saved: you are signed out. Your text is kept in this browser; press Save to sign in again and get it back in the editor.
# $revision (number)
editor-autosave-conflict = Not saved: someone else saved a newer version (revision { $revision }). Your text is kept in this browser; press Save to see what differs.
editor-autosave-problems = Not saved automatically: something needs fixing; press Save to see what. Your text is kept in this browser.
editor-autosave-forbidden = Not saved: this page is out of date or your account cannot change this article. Your text is kept in this browser.
editor-autosave-failed = Not saved: the newsroom could not be reached. Your text is kept in this browser, and saving will be tried again.
editor-live-preview = Preview of the text
editor-live-preview-hint = Updated as you type, as readers will see it.
editor-live-preview-failed = The preview could not be updated.
narration-state-queued = Narration: queued. It is made in the background; the article shows its Listen control when it is ready.
narration-state-running = Narration: being made now.
# $error (string)
narration-state-retrying = Narration: the last attempt failed ({ $error }); queued to try again.
# $error (string)
narration-state-failed = Narration: failed ({ $error }). Operators can see it with "dateline jobs".
# $minutes (number)
narration-state-ready = Narration: ready ({ $minutes } min).
# $date (string), $text (string)
podcast-correction = Correction, { $date }: { $text }
feed-site-description = The latest articles, in full.
# $section (string)
feed-section-description = The latest articles in { $section }, in full.
# $name (string)
feed-contributor-description = The latest articles by { $name }, in full.
# $date (string)
feed-correction = Correction, { $date }:
# $minutes (number)
feed-listen = Listen to this article ({ $minutes } min, MP3)
feed-rss = RSS feed
feed-atom = Atom feed
feed-json = JSON feed

## Lite edition (text-only pages under /lite/)

# $site (string) the site's name, in every lite page's title
lite-title = { $site } (text only)
lite-edition = Text-only edition
lite-breaking-label = Breaking:
# On every full page: the link to the same page in the lite edition
lite-link = Text-only version
# On every lite page: the link to the same page in full
lite-full-version = Full version of this page
# $minutes (number) length of the narration, rounded; $megabytes (number) size of the MP3
lite-listen = Listen (MP3, { $minutes } min, { $megabytes } MB)
# $caption (string) the lead image's caption, shown instead of the image
lite-image = Image: { $caption }

## Search in a static export (search.js fills in %query% and %count%)

static-search-hint = Searches the headlines and summaries of every article in this copy of the site.
static-search-searching = Searching…
static-search-failed = The search index could not be loaded. Browse the sections above instead.
static-search-one = One article matches “%query%”
static-search-many = %count% articles match “%query%”
static-search-noscript = Searching this copy of the site needs JavaScript. Browse the sections above, or the headlines of the
static-search-lite = text-only edition
