//! The media library on the real binary: uploads (plain form and the script's
//! JSON answers), every refusal leaving the library as it was, metadata gone
//! from every stored file, and library images used as lead images (with WebP
//! `srcset`) and as contributor photos (cropped to 16:9).

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod support;

use std::io::Cursor;

use support::newsroom::{PASSWORD, article_fields, newsroom_with_content, sign_in};
use support::{Browser, Page, Server};

const LIBRARY: &str = "/newsroom/media";
const JSON: [(&str, &str); 1] = [("Accept", "application/json")];

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 120]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg).unwrap();
    out
}

/// `jpeg` with an EXIF block holding a GPS latitude (51° 30' 26.37" N), the
/// way a phone writes where a photo was taken.
fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&[0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]); // IFD0 → GPS IFD at 26
    tiff.extend_from_slice(&[0, 2]);
    tiff.extend_from_slice(&[0x00, 0x01, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef
    tiff.extend_from_slice(&[0x00, 0x02, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56, 0, 0, 0, 0]); // GPSLatitude → 56
    for (n, d) in [(51u32, 1u32), (30, 1), (2637, 100)] {
        tiff.extend_from_slice(&n.to_be_bytes());
        tiff.extend_from_slice(&d.to_be_bytes());
    }
    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let plain = jpeg(width, height);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A valid PNG header claiming 20000×20000 pixels (1.6 GB decoded) in a few bytes.
fn decompression_bomb() -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::new(1, 1).write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    bytes[16..20].copy_from_slice(&20_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&20_000u32.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn library_count(browser: &mut Browser, server: &Server) -> String {
    let page = browser.get(&server.url(LIBRARY));
    assert_eq!(page.status, 200);
    page.body.split_once("In the library (").unwrap().1.split_once(')').unwrap().0.to_owned()
}

fn upload(
    browser: &mut Browser,
    server: &Server,
    (alt, credit): (&str, &str),
    file: Option<(&str, &[u8])>,
    headers: &[(&str, &str)],
) -> Page {
    let csrf = browser.get(&server.url(LIBRARY)).field("csrf").unwrap();
    let fields = [("csrf", csrf.as_str()), ("alt", alt), ("credit", credit)];
    browser.post_multipart(&server.url(LIBRARY), &fields, file.map(|(name, bytes)| ("file", name, bytes)), headers)
}

fn get_bytes(url: &str) -> Vec<u8> {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut response = agent.get(url).call().unwrap();
    assert_eq!(response.status().as_u16(), 200, "{url}");
    response.body_mut().with_config().limit(64 * 1024 * 1024).read_to_vec().unwrap()
}

/// The media keys an HTML page points at, in order.
fn media_keys(html: &str) -> Vec<String> {
    html.split("/media/")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.').collect())
        .collect()
}

#[test]
fn an_upload_keeps_no_location_and_makes_webp_variants() {
    let (_data, server) = newsroom_with_content();
    let (mut cora, _) = sign_in(&server, "cora@x.news", PASSWORD);
    let before = library_count(&mut cora, &server);
    let photo = jpeg_with_gps(1000, 600);
    assert!(photo.windows(4).any(|w| w == [0x00, 0x02, 0, 5]), "the upload carries a GPS latitude");

    let page = upload(&mut cora, &server, ("Ferry at dawn", "Cora Test"), Some(("ferry.jpg", &photo)), &[]);
    assert_eq!(page.status, 303, "{}", page.body);
    let to = page.location().unwrap().to_owned();
    assert!(to.starts_with("/newsroom/media?uploaded="), "{to}");
    let library = cora.get(&server.url(&to));
    assert!(library.body.contains("Uploaded: Ferry at dawn"), "the library says it arrived");
    assert_ne!(library_count(&mut cora, &server), before);

    let key = to.rsplit('=').next().unwrap().to_owned();
    let master = get_bytes(&server.url(&format!("/media/{key}")));
    assert!(!master.windows(4).any(|w| w == b"Exif"), "no EXIF block in the stored file");
    assert!(!master.windows(4).any(|w| w == [0x00, 0x02, 0, 5]), "no GPS tag in the stored file");
    let facts = image::load_from_memory(&master).unwrap();
    assert_eq!((facts.width(), facts.height()), (1000, 600), "the picture itself is whole");

    // The variants are listed by the library's thumbnail and are real WebP files without metadata.
    let thumbnail = media_keys(&library.body).into_iter().find(|k| k.ends_with(".webp")).unwrap();
    let webp = get_bytes(&server.url(&format!("/media/{thumbnail}")));
    assert_eq!(image::guess_format(&webp).unwrap(), image::ImageFormat::WebP);
    assert!(!webp.windows(4).any(|w| w == b"EXIF" || w == b"Exif"));
    assert_eq!(image::load_from_memory(&webp).unwrap().width(), 480, "the smallest variant");
}

#[test]
fn refused_uploads_say_why_next_to_the_field_and_store_nothing() {
    let (data, server) = newsroom_with_content();
    let (mut aki, _) = sign_in(&server, "aki@x.news", PASSWORD);
    let before = library_count(&mut aki, &server);
    let media_files = || std::fs::read_dir(data.path().join("media")).unwrap().count();
    let files_before = media_files();

    // A text file named like a photo.
    let text = upload(&mut aki, &server, ("A map", "Aki"), Some(("map.jpg", b"not a picture at all")), &[]);
    assert_eq!(text.status, 422);
    assert!(text.body.contains("&#39;map.jpg&#39; is not a JPEG, PNG, WebP or GIF image"), "{}", text.body);
    assert!(text.body.contains(r#"id="file-error""#) && text.body.contains(r#"aria-invalid="true""#));
    assert!(text.body.contains(">A map</textarea>"), "what was typed comes back");

    // A decompression bomb: refused from its header, before any pixel is decoded.
    let bomb = upload(&mut aki, &server, ("A bomb", "Aki"), Some(("bomb.png", &decompression_bomb())), &[]);
    assert_eq!(bomb.status, 422);
    assert!(bomb.body.contains("20000×20000 pixels"), "{}", bomb.body);

    // Larger than 20 MB: read to its end (so the page can be shown) and refused.
    let huge = vec![0xFFu8; 21 * 1024 * 1024];
    let oversized = upload(&mut aki, &server, ("Huge", "Aki"), Some(("huge.jpg", &huge)), &[]);
    assert_eq!(oversized.status, 413);
    assert!(oversized.body.contains("images are at most 20 MB"), "{}", oversized.body);

    // Alt text and credit are required; every problem at once.
    let bare = upload(&mut aki, &server, (" ", ""), None, &[]);
    assert_eq!(bare.status, 422);
    for field in ["file", "alt", "credit"] {
        assert!(bare.body.contains(&format!(r#"id="{field}-error""#)), "{field} has its message");
    }
    assert!(bare.body.contains("alt text is required"));

    // The script's JSON answers name the fields the same way.
    let json = upload(&mut aki, &server, ("", "Aki"), Some(("map.jpg", b"nope")), &JSON);
    assert_eq!(json.status, 422);
    let answer: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert!(answer["problems"]["alt"][0].as_str().unwrap().contains("alt text is required"));
    assert!(answer["problems"]["file"][0].as_str().unwrap().contains("is not a JPEG"));

    // A forged form (wrong token) is refused.
    let fields = [("csrf", "forged"), ("alt", "Forged"), ("credit", "Nobody")];
    let photo = jpeg(64, 36);
    let forged = aki.post_multipart(&server.url(LIBRARY), &fields, Some(("file", "ok.jpg", &photo)), &[]);
    assert_eq!(forged.status, 403);

    assert_eq!(library_count(&mut aki, &server), before, "nothing joined the library");
    assert_eq!(media_files(), files_before, "no file was written");

    // Signed out: sent to sign in, nothing stored.
    let mut stranger = Browser::default();
    let fields = [("csrf", "none"), ("alt", "Stranger"), ("credit", "Nobody")];
    let anonymous = stranger.post_multipart(&server.url(LIBRARY), &fields, Some(("file", "ok.jpg", &photo)), &[]);
    assert_eq!(anonymous.status, 303);
    assert_eq!(media_files(), files_before);
}

#[test]
fn library_images_become_lead_images_with_srcset_and_contributor_photos_in_sixteen_by_nine() {
    let (_data, server) = newsroom_with_content();
    let (mut eda, _) = sign_in(&server, "eda@x.news", PASSWORD);
    let uploaded = upload(
        &mut eda,
        &server,
        ("Two ferries at the pier", "Eda Test / Dateline"),
        Some(("pier.jpg", &jpeg(1600, 900))),
        &JSON,
    );
    assert_eq!(uploaded.status, 201, "{}", uploaded.body);
    let answer: serde_json::Value = serde_json::from_str(&uploaded.body).unwrap();
    let key = answer["key"].as_str().unwrap().to_owned();

    // The editor offers it; choosing it gives the page its alt text and credit from the library.
    let form = eda.get(&server.url("/newsroom/articles/new"));
    assert!(form.body.contains(&format!(r#"<option value="{key}">Two ferries at the pier (Eda Test / Dateline)"#)));
    let csrf = form.field("csrf").unwrap();
    let mut fields = article_fields(&csrf, "0", "publish", "Ferries at the pier", "The pier is busy.");
    fields.extend([("lead_image", key.as_str()), ("lead_caption", "Morning at the pier.")]);
    let saved = eda.post(&server.url("/newsroom/articles/new"), &fields);
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = support::get(&server.url("/articles/ferries-at-the-pier")).1;
    let figure = page.split_once(r#"<figure class="lead-image">"#).unwrap().1.split_once("</figure>").unwrap().0;
    assert!(figure.contains(r#"<source type="image/webp" srcset="/media/"#), "{figure}");
    for width in ["480w", "800w", "1200w", "1600w"] {
        assert!(figure.contains(width), "{width} in {figure}");
    }
    assert!(figure.contains(&format!(r#"src="/media/{key}""#)), "the fallback");
    assert!(figure.contains(r#"alt="Two ferries at the pier""#));
    assert!(figure.contains("Morning at the pier.") && figure.contains("Eda Test / Dateline"));

    // A key that is not in the library is refused next to the field.
    let mut bad = article_fields(&csrf, "0", "save", "Another story", "Text.");
    bad.push(("lead_image", "0123456789abcdef0123456789abcdef.jpg"));
    let refused = eda.post(&server.url("/newsroom/articles/new"), &bad);
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("choose an image from the media library"));

    // A square picture becomes a 16:9 contributor photo.
    let square =
        upload(&mut eda, &server, ("Lakeside desk logo", "Dateline"), Some(("desk.jpg", &jpeg(900, 900))), &JSON);
    let square_key =
        serde_json::from_str::<serde_json::Value>(&square.body).unwrap()["key"].as_str().unwrap().to_owned();
    let csrf = eda.get(&server.url("/newsroom/contributors/lakeside-desk")).field("csrf").unwrap();
    let saved = eda.post(
        &server.url("/newsroom/contributors"),
        &[
            ("csrf", &csrf),
            ("slug", "lakeside-desk"),
            ("name", "Lakeside Desk"),
            ("kind", "desk"),
            ("bio", "Our lakeside reporters."),
            ("photo", &square_key),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    let profile = support::get(&server.url("/contributors/lakeside-desk")).1;
    let card = profile.split_once(r#"class="profile__photo""#).unwrap().1;
    let photo_key = media_keys(card).into_iter().next().unwrap();
    let photo = image::load_from_memory(&get_bytes(&server.url(&format!("/media/{photo_key}")))).unwrap();
    assert_eq!((photo.width(), photo.height()), (900, 506), "cropped to 16:9 around the centre");
}
