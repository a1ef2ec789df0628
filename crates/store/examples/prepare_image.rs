//! How long the image pipeline takes, and how much it stores, for photos of
//! common camera sizes: `make bench-images` (release build). Prints a
//! Markdown section; with `--write FILE` also puts it between the
//! `<!-- images:start -->` and `<!-- images:end -->` markers of FILE.

use std::io::Cursor;
use std::time::Instant;

use dateline_store::images::prepare;

const RUNS: usize = 3;

/// A photo-like picture: smooth light across the frame plus sensor-like noise,
/// so JPEG and WebP have real detail to encode (a flat colour would flatter them).
fn photo(width: u32, height: u32) -> Vec<u8> {
    let mut seed: u32 = 0x9E37_79B9;
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 24) as i32 - 12;
        let shade = |base: u32, span: u32| ((base * 255 / span) as i32 + noise).clamp(0, 255) as u8;
        image::Rgb([shade(x, width), shade(y, height), shade(x + y, width + height)])
    });
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(Cursor::new(&mut out), 90);
    img.write_with_encoder(encoder).expect("encoding the test photo");
    out
}

/// Peak resident memory of this process so far, in MB (Linux).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut rows = Vec::new();
    for (label, width, height) in [("12 MP phone photo", 4000, 3000), ("24 MP camera photo", 6000, 4000)] {
        let upload = photo(width, height);
        let mut times = Vec::new();
        let mut stored = 0;
        let mut files = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let prepared = prepare(&upload).expect("the test photo is accepted");
            times.push(start.elapsed().as_secs_f64());
            stored = prepared.master.bytes.len() + prepared.variants.iter().map(|v| v.bytes.len()).sum::<usize>();
            files = 1 + prepared.variants.len();
        }
        times.sort_by(f64::total_cmp);
        rows.push(format!(
            "| {label} ({width}×{height}, {:.1} MB JPEG) | {:.2} s | {files} files, {:.2} MB | {:.0} MB |",
            upload.len() as f64 / 1e6,
            times[RUNS / 2],
            stored as f64 / 1e6,
            peak_memory_mb().unwrap_or(f64::NAN),
        ));
    }
    let section = format!(
        "<!-- images:start -->\n## Image pipeline\n\n\
         Command: `make bench-images` (release build of `crates/store/examples/prepare_image.rs`), 2 cores.\n\
         One upload prepared: checked, decoded, turned upright, re-encoded without metadata as a\n\
         master of at most 2,400 px, and WebP variants at 480/800/1,200/1,600 px and the master's width.\n\
         Median of {RUNS} runs; peak memory is the whole process's so far (it grows with the largest photo).\n\n\
         | upload | time | stored | peak memory |\n|---|---|---|---|\n{}\n<!-- images:end -->\n",
        rows.join("\n")
    );
    print!("{section}");
    let mut args = std::env::args().skip(1);
    if let (Some(flag), Some(path)) = (args.next(), args.next())
        && flag == "--write"
    {
        let doc = std::fs::read_to_string(&path).expect("reading the benchmarks file");
        let updated = match (doc.find("<!-- images:start -->"), doc.find("<!-- images:end -->")) {
            (Some(start), Some(end)) => {
                let end = end + "<!-- images:end -->\n".len();
                format!("{}{section}{}", &doc[..start], &doc[end.min(doc.len())..])
            }
            _ => format!("{}\n{section}", doc.trim_end()),
        };
        std::fs::write(&path, updated).expect("writing the benchmarks file");
    }
}
