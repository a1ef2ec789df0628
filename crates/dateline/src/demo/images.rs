//! Original pictures for the demo newsroom, drawn by code.
//!
//! Every picture the demo content names is listed in [`PICTURES`] with a
//! recipe: a landscape scene built from layers (sky, sun, hills, water,
//! buildings, boats, people…), a stylised head-and-shoulders portrait, or a
//! desk emblem. A small PRNG seeded from the file name keeps every run's
//! output identical.

use std::f32::consts::{PI, TAU};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

type Colour = [u8; 3];

/// Lead and inline pictures.
const SCENE_SIZE: (u32, u32) = (1200, 675);
/// Contributor photos and desk emblems.
const PHOTO_SIZE: (u32, u32) = (640, 360);
const JPEG_QUALITY: u8 = 78;

/// Writes every image the demo content refers to under `content_root`.
pub fn write_demo_images(content_root: &Path) -> io::Result<()> {
    let dir = content_root.join("images");
    std::fs::create_dir_all(&dir)?;
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, PICTURES.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|k| {
                let dir = &dir;
                scope.spawn(move || -> io::Result<()> {
                    for (name, picture) in PICTURES.iter().skip(k).step_by(workers) {
                        save_jpeg(&render(name, picture), &dir.join(name))?;
                    }
                    Ok(())
                })
            })
            .collect();
        for handle in handles {
            handle
                .join()
                .map_err(|_| io::Error::other("a demo image worker panicked"))??;
        }
        Ok(())
    })
}

fn save_jpeg(picture: &RgbImage, path: &Path) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(picture)
        .map_err(io::Error::other)?;
    out.flush()
}

// ---------------------------------------------------------------------------
// The pictures
// ---------------------------------------------------------------------------

enum Picture {
    /// Layers drawn back to front on a 1200×675 canvas.
    Scene(&'static [Layer]),
    Portrait(Portrait),
    Emblem(Emblem),
}

#[derive(Clone, Copy)]
enum Tree {
    Round,
    Acacia,
    Palm,
    Conifer,
}

#[derive(Clone, Copy)]
enum Vehicle {
    Truck,
    Car,
    Motorbike,
    Bus,
}

/// One layer of a scene. Positions and sizes are fractions of the picture's
/// width (x) and height (y, from the top).
#[derive(Clone, Copy)]
enum Layer {
    /// A vertical gradient over the whole picture.
    Sky {
        top: Colour,
        bottom: Colour,
    },
    Sun {
        x: f32,
        y: f32,
        r: f32,
        colour: Colour,
        glow: f32,
    },
    Stars {
        count: u32,
    },
    Clouds {
        y: f32,
        count: u32,
        colour: Colour,
        alpha: f32,
    },
    /// A rolling ridge made of summed sines, filled down to the bottom.
    Hills {
        base: f32,
        amp: f32,
        freq: f32,
        colour: Colour,
    },
    /// Sharp peaks; the higher ones carry snow of colour `snow`.
    Mountains {
        base: f32,
        amp: f32,
        peaks: u32,
        colour: Colour,
        snow: Colour,
    },
    Ground {
        level: f32,
        top: Colour,
        bottom: Colour,
    },
    /// Water from `level` down, with ripples; a `glint` x of 0 or more adds
    /// a sun path.
    Water {
        level: f32,
        top: Colour,
        bottom: Colour,
        ripple: Colour,
        glint: f32,
    },
    /// Ploughed rows converging on the horizon.
    Furrows {
        top: f32,
        colour: Colour,
        rows: u32,
    },
    Road {
        horizon: f32,
        x: f32,
        colour: Colour,
        edge: Colour,
    },
    Pools {
        top: f32,
        bottom: f32,
        count: u32,
        colour: Colour,
    },
    Houses {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        size: f32,
        walls: &'static [Colour],
        roof: Colour,
        panels: bool,
    },
    /// Small houses packed on a slope running from (x0, y0) to (x1, y1).
    Hillside {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        depth: f32,
        count: u32,
        size: f32,
        walls: &'static [Colour],
    },
    Skyline {
        ground: f32,
        x0: f32,
        x1: f32,
        min_h: f32,
        max_h: f32,
        colour: Colour,
        lit: Colour,
        lit_share: f32,
    },
    Trees {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        size: f32,
        kind: Tree,
        colour: Colour,
    },
    Boats {
        y0: f32,
        y1: f32,
        x0: f32,
        x1: f32,
        count: u32,
        size: f32,
        hull: Colour,
        sail: Option<Colour>,
    },
    Ship {
        x: f32,
        y: f32,
        length: f32,
        hull: Colour,
        cargo: &'static [Colour],
    },
    Cranes {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        colour: Colour,
    },
    Containers {
        ground: f32,
        x0: f32,
        x1: f32,
        size: f32,
        palette: &'static [Colour],
    },
    Turbines {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        height: f32,
        colour: Colour,
    },
    /// A ground-mounted solar array in perspective.
    Panels {
        top: f32,
        bottom: f32,
        x0: f32,
        x1: f32,
        rows: u32,
        colour: Colour,
        frame: Colour,
    },
    Stalls {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        canopies: &'static [Colour],
    },
    People {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        height: f32,
        clothes: &'static [Colour],
        skin: Colour,
    },
    Tents {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        size: f32,
        colours: &'static [Colour],
    },
    Vehicles {
        ground: f32,
        x0: f32,
        x1: f32,
        count: u32,
        size: f32,
        kind: Vehicle,
        colours: &'static [Colour],
    },
    /// A cable-car line sagging from (x0, y0) to (x1, y1).
    Cable {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        cabins: u32,
        colour: Colour,
        cabin: Colour,
    },
    Mast {
        x: f32,
        ground: f32,
        height: f32,
        colour: Colour,
    },
    Screen {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        light: Colour,
    },
    /// Rows of stakes in shallow water, as on a seaweed farm.
    Stakes {
        top: f32,
        bottom: f32,
        rows: u32,
        colour: Colour,
        weed: Colour,
    },
    Mosaic {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        tile: f32,
        palette: &'static [Colour],
        grout: Colour,
        missing: f32,
    },
    Rain {
        count: u32,
        colour: Colour,
        alpha: f32,
    },
    /// A coloured veil between `y0` and `y1`, its strength going from `from` to `to`.
    Haze {
        y0: f32,
        y1: f32,
        colour: Colour,
        from: f32,
        to: f32,
    },
    Vignette {
        strength: f32,
    },
}

#[derive(Clone, Copy)]
enum Hair {
    Short,
    Long,
    Bun,
    Curly,
    Wrap,
    Cropped,
}

#[derive(Clone, Copy)]
struct Portrait {
    background: [Colour; 2],
    skin: Colour,
    hair: Colour,
    style: Hair,
    clothes: Colour,
    collar: Colour,
    glasses: bool,
    /// Shifts the sitter left (negative) or right of centre, as a fraction of the width.
    offset: f32,
}

#[derive(Clone, Copy)]
enum Emblem {
    /// Broadcast waves around a point.
    Waves {
        background: [Colour; 2],
        fg: Colour,
        accent: Colour,
    },
    /// Rising bars under a trend line.
    Bars {
        background: [Colour; 2],
        fg: Colour,
        accent: Colour,
    },
}

const MUD_WALLS: &[Colour] = &[
    [176, 132, 96],
    [158, 120, 90],
    [190, 160, 128],
    [140, 112, 88],
];
const WHITE_WALLS: &[Colour] = &[
    [244, 242, 236],
    [236, 232, 222],
    [248, 246, 240],
    [230, 226, 214],
];
const PASTEL_WALLS: &[Colour] = &[
    [236, 180, 140],
    [140, 190, 200],
    [240, 214, 130],
    [200, 150, 170],
    [170, 200, 150],
    [236, 236, 226],
];
const BRICK_WALLS: &[Colour] = &[
    [168, 88, 62],
    [186, 104, 70],
    [150, 80, 60],
    [210, 190, 170],
    [196, 120, 84],
    [120, 150, 170],
];
const CONCRETE_WALLS: &[Colour] = &[
    [200, 196, 186],
    [216, 206, 190],
    [186, 180, 170],
    [170, 176, 180],
    [230, 220, 200],
];
const CONTAINERS: &[Colour] = &[
    [176, 60, 48],
    [40, 90, 150],
    [60, 130, 90],
    [210, 150, 50],
    [120, 120, 126],
    [150, 70, 110],
    [200, 200, 196],
];
const BRIGHT_CLOTHES: &[Colour] = &[
    [200, 60, 50],
    [240, 180, 40],
    [40, 110, 170],
    [60, 150, 100],
    [150, 60, 130],
    [236, 236, 230],
    [230, 120, 40],
];
const WORK_CLOTHES: &[Colour] = &[
    [70, 80, 100],
    [120, 90, 60],
    [160, 60, 50],
    [90, 110, 80],
    [200, 170, 110],
];
const NIGHT_CLOTHES: &[Colour] = &[[18, 18, 26], [24, 22, 32], [30, 28, 40], [14, 16, 22]];
const CANOPIES: &[Colour] = &[
    [220, 60, 50],
    [250, 190, 40],
    [40, 120, 190],
    [60, 160, 90],
    [240, 120, 40],
    [230, 230, 220],
];
const TARPAULINS: &[Colour] = &[
    [232, 232, 228],
    [60, 110, 170],
    [220, 222, 216],
    [90, 140, 190],
];
const CARS: &[Colour] = &[
    [200, 200, 204],
    [60, 60, 70],
    [170, 40, 40],
    [230, 230, 226],
    [80, 100, 130],
    [220, 180, 40],
];
const BIKES: &[Colour] = &[[30, 30, 36], [60, 40, 40], [20, 40, 60], [50, 50, 50]];
const TRUCKS: &[Colour] = &[[200, 70, 50], [230, 170, 40], [60, 100, 150]];
const GEORGIAN_TILES: &[Colour] = &[
    [30, 90, 140],
    [220, 170, 60],
    [180, 60, 50],
    [236, 226, 200],
    [60, 140, 130],
    [24, 40, 70],
];

const LIGHT_SKIN: Colour = [232, 190, 160];

/// Every picture the demo content uses, by file name under `images/`.
#[rustfmt::skip]
const PICTURES: &[(&str, Picture)] = &[
    // ---- World ----------------------------------------------------------
    (
        "lead-floods-nyando.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [92, 100, 112], bottom: [176, 180, 182] },
            Layer::Clouds { y: 0.12, count: 9, colour: [70, 76, 88], alpha: 0.55 },
            Layer::Hills { base: 0.46, amp: 0.05, freq: 1.3, colour: [112, 128, 126] },
            Layer::Hills { base: 0.53, amp: 0.03, freq: 2.1, colour: [84, 106, 92] },
            Layer::Trees { ground: 0.6, x0: 0.0, x1: 1.0, count: 9, size: 0.1, kind: Tree::Round, colour: [58, 84, 60] },
            Layer::Houses { ground: 0.7, x0: 0.05, x1: 0.9, count: 7, size: 0.13, walls: MUD_WALLS, roof: [128, 96, 74], panels: false },
            Layer::Water { level: 0.65, top: [150, 132, 104], bottom: [104, 88, 66], ripple: [186, 170, 140], glint: -1.0 },
            Layer::Boats { y0: 0.72, y1: 0.9, x0: 0.2, x1: 0.8, count: 2, size: 0.2, hull: [70, 52, 40], sail: None },
            Layer::People { ground: 0.8, x0: 0.38, x1: 0.44, count: 2, height: 0.12, clothes: WORK_CLOTHES, skin: [70, 48, 36] },
            Layer::Rain { count: 700, colour: [220, 224, 230], alpha: 0.22 },
            Layer::Haze { y0: 0.3, y1: 0.66, colour: [180, 184, 188], from: 0.0, to: 0.25 },
            Layer::Vignette { strength: 0.25 },
        ]),
    ),
    (
        "inline-nyando-boats.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [128, 146, 164], bottom: [214, 212, 200] },
            Layer::Clouds { y: 0.16, count: 6, colour: [236, 236, 232], alpha: 0.5 },
            Layer::Hills { base: 0.42, amp: 0.04, freq: 1.0, colour: [120, 140, 132] },
            Layer::Trees { ground: 0.5, x0: 0.0, x1: 1.0, count: 12, size: 0.08, kind: Tree::Round, colour: [70, 100, 70] },
            Layer::Houses { ground: 0.53, x0: 0.5, x1: 0.95, count: 4, size: 0.07, walls: MUD_WALLS, roof: [140, 110, 86], panels: false },
            Layer::Water { level: 0.5, top: [166, 150, 118], bottom: [110, 94, 70], ripple: [200, 190, 160], glint: -1.0 },
            Layer::Boats { y0: 0.62, y1: 0.86, x0: 0.15, x1: 0.8, count: 3, size: 0.26, hull: [62, 46, 36], sail: None },
            Layer::People { ground: 0.74, x0: 0.3, x1: 0.62, count: 4, height: 0.13, clothes: BRIGHT_CLOTHES, skin: [70, 48, 36] },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "inline-nyando-camp.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [120, 150, 182], bottom: [220, 222, 214] },
            Layer::Clouds { y: 0.14, count: 7, colour: [240, 240, 238], alpha: 0.6 },
            Layer::Hills { base: 0.4, amp: 0.04, freq: 1.6, colour: [110, 132, 118] },
            Layer::Ground { level: 0.5, top: [150, 150, 100], bottom: [120, 108, 70] },
            Layer::Houses { ground: 0.5, x0: 0.55, x1: 0.85, count: 2, size: 0.14, walls: CONCRETE_WALLS, roof: [110, 70, 60], panels: false },
            Layer::Trees { ground: 0.5, x0: 0.0, x1: 0.5, count: 4, size: 0.14, kind: Tree::Round, colour: [64, 96, 62] },
            Layer::Tents { ground: 0.62, x0: 0.0, x1: 0.95, count: 9, size: 0.09, colours: TARPAULINS },
            Layer::Tents { ground: 0.8, x0: -0.05, x1: 0.9, count: 6, size: 0.15, colours: TARPAULINS },
            Layer::People { ground: 0.92, x0: 0.1, x1: 0.9, count: 6, height: 0.2, clothes: BRIGHT_CLOTHES, skin: [70, 48, 36] },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-tamale-election.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [170, 186, 196], bottom: [236, 214, 176] },
            Layer::Sun { x: 0.82, y: 0.16, r: 0.05, colour: [255, 240, 206], glow: 0.35 },
            Layer::Ground { level: 0.58, top: [204, 150, 100], bottom: [176, 118, 76] },
            Layer::Trees { ground: 0.58, x0: 0.0, x1: 0.25, count: 2, size: 0.34, kind: Tree::Round, colour: [70, 96, 56] },
            Layer::Houses { ground: 0.6, x0: 0.3, x1: 0.45, count: 2, size: 0.2, walls: &[[234, 220, 190]], roof: [150, 90, 70], panels: false },
            Layer::Trees { ground: 0.6, x0: 0.78, x1: 1.0, count: 2, size: 0.3, kind: Tree::Round, colour: [80, 104, 60] },
            Layer::People { ground: 0.8, x0: 0.04, x1: 0.96, count: 16, height: 0.22, clothes: BRIGHT_CLOTHES, skin: [60, 40, 30] },
            Layer::Haze { y0: 0.0, y1: 0.6, colour: [230, 200, 160], from: 0.15, to: 0.3 },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-mustang-road.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [34, 84, 156], bottom: [150, 188, 220] },
            Layer::Mountains { base: 0.5, amp: 0.36, peaks: 5, colour: [120, 110, 110], snow: [246, 248, 252] },
            Layer::Hills { base: 0.6, amp: 0.07, freq: 1.2, colour: [164, 128, 94] },
            Layer::Hills { base: 0.72, amp: 0.05, freq: 0.8, colour: [140, 106, 78] },
            Layer::Road { horizon: 0.6, x: 0.55, colour: [96, 84, 76], edge: [176, 160, 140] },
            Layer::Vehicles { ground: 0.78, x0: 0.5, x1: 0.62, count: 1, size: 0.12, kind: Vehicle::Truck, colours: TRUCKS },
            Layer::Vehicles { ground: 0.7, x0: 0.56, x1: 0.62, count: 1, size: 0.06, kind: Vehicle::Truck, colours: TRUCKS },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-bogota-cable-car.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [110, 152, 196], bottom: [214, 220, 222] },
            Layer::Clouds { y: 0.12, count: 8, colour: [246, 246, 244], alpha: 0.55 },
            Layer::Hills { base: 0.3, amp: 0.08, freq: 0.9, colour: [70, 104, 84] },
            Layer::Hillside { x0: -0.05, y0: 0.36, x1: 1.05, y1: 0.62, depth: 0.5, count: 420, size: 0.045, walls: BRICK_WALLS },
            Layer::Cable { x0: -0.05, y0: 0.75, x1: 1.05, y1: 0.22, cabins: 6, colour: [40, 40, 44], cabin: [214, 60, 50] },
            Layer::Haze { y0: 0.2, y1: 0.5, colour: [210, 216, 220], from: 0.3, to: 0.0 },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    // ---- Climate & Science ----------------------------------------------
    (
        "lead-sahel-rainfall.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [196, 190, 176], bottom: [240, 220, 184] },
            Layer::Sun { x: 0.3, y: 0.2, r: 0.06, colour: [255, 244, 214], glow: 0.45 },
            Layer::Ground { level: 0.55, top: [214, 172, 120], bottom: [186, 138, 92] },
            Layer::Furrows { top: 0.55, colour: [150, 110, 74], rows: 18 },
            Layer::Trees { ground: 0.56, x0: 0.05, x1: 0.95, count: 4, size: 0.2, kind: Tree::Acacia, colour: [96, 104, 60] },
            Layer::People { ground: 0.84, x0: 0.62, x1: 0.7, count: 2, height: 0.24, clothes: WORK_CLOTHES, skin: [60, 40, 30] },
            Layer::Haze { y0: 0.3, y1: 0.62, colour: [236, 210, 170], from: 0.1, to: 0.45 },
            Layer::Vignette { strength: 0.25 },
        ]),
    ),
    (
        "lead-zanzibar-seaweed.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [70, 146, 214], bottom: [204, 228, 240] },
            Layer::Clouds { y: 0.2, count: 5, colour: [252, 252, 250], alpha: 0.7 },
            Layer::Water { level: 0.42, top: [60, 164, 184], bottom: [120, 212, 200], ripple: [200, 240, 236], glint: -1.0 },
            Layer::Stakes { top: 0.46, bottom: 0.86, rows: 9, colour: [96, 74, 52], weed: [116, 96, 40] },
            Layer::People { ground: 0.7, x0: 0.35, x1: 0.6, count: 3, height: 0.16, clothes: BRIGHT_CLOTHES, skin: [70, 46, 34] },
            Layer::Ground { level: 0.9, top: [236, 222, 190], bottom: [222, 206, 170] },
            Layer::Trees { ground: 0.95, x0: 0.82, x1: 0.95, count: 2, size: 0.62, kind: Tree::Palm, colour: [54, 104, 56] },
            Layer::Vignette { strength: 0.15 },
        ]),
    ),
    (
        "lead-delhi-air.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [170, 164, 150], bottom: [214, 196, 166] },
            Layer::Sun { x: 0.62, y: 0.3, r: 0.045, colour: [240, 200, 150], glow: 0.2 },
            Layer::Skyline { ground: 0.62, x0: -0.02, x1: 1.02, min_h: 0.08, max_h: 0.28, colour: [128, 120, 112], lit: [200, 184, 150], lit_share: 0.1 },
            Layer::Haze { y0: 0.0, y1: 0.62, colour: [206, 190, 160], from: 0.25, to: 0.55 },
            Layer::Ground { level: 0.62, top: [110, 104, 98], bottom: [84, 80, 76] },
            Layer::Trees { ground: 0.64, x0: 0.0, x1: 1.0, count: 7, size: 0.14, kind: Tree::Round, colour: [84, 96, 70] },
            Layer::Vehicles { ground: 0.8, x0: 0.0, x1: 0.95, count: 6, size: 0.09, kind: Vehicle::Car, colours: CARS },
            Layer::Vehicles { ground: 0.9, x0: 0.05, x1: 0.9, count: 3, size: 0.08, kind: Vehicle::Motorbike, colours: BIKES },
            Layer::Haze { y0: 0.6, y1: 1.0, colour: [196, 180, 150], from: 0.35, to: 0.1 },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-flow-country-peat.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [104, 126, 150], bottom: [206, 208, 210] },
            Layer::Clouds { y: 0.14, count: 10, colour: [232, 232, 234], alpha: 0.55 },
            Layer::Hills { base: 0.44, amp: 0.05, freq: 0.7, colour: [104, 112, 120] },
            Layer::Turbines { ground: 0.45, x0: 0.1, x1: 0.35, count: 4, height: 0.1, colour: [220, 224, 228] },
            Layer::Hills { base: 0.5, amp: 0.015, freq: 1.4, colour: [122, 108, 80] },
            Layer::Trees { ground: 0.5, x0: 0.55, x1: 0.7, count: 14, size: 0.05, kind: Tree::Conifer, colour: [52, 70, 56] },
            Layer::Ground { level: 0.52, top: [134, 112, 78], bottom: [96, 76, 52] },
            Layer::Pools { top: 0.54, bottom: 0.95, count: 18, colour: [176, 190, 204] },
            Layer::Mast { x: 0.78, ground: 0.62, height: 0.16, colour: [70, 70, 76] },
            Layer::Vignette { strength: 0.25 },
        ]),
    ),
    // ---- Business & Technology ------------------------------------------
    (
        "lead-kampala-mobile-money.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [96, 160, 214], bottom: [212, 222, 226] },
            Layer::Clouds { y: 0.12, count: 6, colour: [250, 250, 250], alpha: 0.6 },
            Layer::Hills { base: 0.32, amp: 0.07, freq: 1.1, colour: [84, 124, 90] },
            Layer::Hillside { x0: -0.05, y0: 0.32, x1: 1.05, y1: 0.34, depth: 0.18, count: 240, size: 0.03, walls: CONCRETE_WALLS },
            Layer::Ground { level: 0.55, top: [160, 120, 90], bottom: [130, 96, 72] },
            Layer::Stalls { ground: 0.72, x0: -0.02, x1: 1.0, count: 7, canopies: CANOPIES },
            Layer::People { ground: 0.96, x0: 0.05, x1: 0.95, count: 7, height: 0.3, clothes: BRIGHT_CLOTHES, skin: [66, 44, 32] },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-mertola-solar.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [70, 136, 206], bottom: [214, 226, 236] },
            Layer::Sun { x: 0.14, y: 0.14, r: 0.04, colour: [255, 250, 230], glow: 0.4 },
            Layer::Hills { base: 0.4, amp: 0.08, freq: 0.8, colour: [150, 148, 100] },
            Layer::Trees { ground: 0.46, x0: 0.0, x1: 1.0, count: 10, size: 0.06, kind: Tree::Round, colour: [110, 120, 76] },
            Layer::Houses { ground: 0.66, x0: -0.05, x1: 1.0, count: 9, size: 0.12, walls: WHITE_WALLS, roof: [180, 96, 66], panels: true },
            Layer::Houses { ground: 0.86, x0: -0.05, x1: 0.95, count: 5, size: 0.18, walls: WHITE_WALLS, roof: [170, 88, 60], panels: true },
            Layer::Ground { level: 0.88, top: [176, 160, 130], bottom: [150, 134, 108] },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "inline-mertola-array.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [88, 146, 210], bottom: [220, 228, 234] },
            Layer::Clouds { y: 0.1, count: 4, colour: [252, 252, 250], alpha: 0.6 },
            Layer::Hills { base: 0.36, amp: 0.06, freq: 1.1, colour: [160, 150, 104] },
            Layer::Houses { ground: 0.42, x0: 0.55, x1: 0.95, count: 6, size: 0.05, walls: WHITE_WALLS, roof: [180, 96, 66], panels: false },
            Layer::Ground { level: 0.44, top: [190, 170, 120], bottom: [160, 140, 96] },
            Layer::Panels { top: 0.48, bottom: 0.96, x0: 0.05, x1: 0.95, rows: 6, colour: [34, 54, 96], frame: [190, 196, 204] },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-walvis-bay-port.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [110, 164, 210], bottom: [226, 224, 214] },
            Layer::Hills { base: 0.42, amp: 0.06, freq: 1.4, colour: [226, 176, 120] },
            Layer::Water { level: 0.5, top: [70, 110, 140], bottom: [50, 86, 112], ripple: [150, 180, 200], glint: -1.0 },
            Layer::Ship { x: 0.5, y: 0.6, length: 0.62, hull: [40, 50, 70], cargo: CONTAINERS },
            Layer::Ground { level: 0.66, top: [160, 158, 152], bottom: [130, 128, 124] },
            Layer::Cranes { ground: 0.68, x0: 0.25, x1: 0.72, count: 3, colour: [80, 140, 190] },
            Layer::Containers { ground: 0.92, x0: -0.02, x1: 1.02, size: 0.06, palette: CONTAINERS },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "inline-walvis-bay-boats.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [150, 176, 198], bottom: [232, 228, 220] },
            Layer::Clouds { y: 0.2, count: 5, colour: [236, 236, 236], alpha: 0.5 },
            Layer::Hills { base: 0.44, amp: 0.05, freq: 1.0, colour: [222, 184, 138] },
            Layer::Water { level: 0.5, top: [96, 130, 150], bottom: [60, 94, 116], ripple: [170, 196, 210], glint: -1.0 },
            Layer::Boats { y0: 0.6, y1: 0.88, x0: 0.1, x1: 0.9, count: 4, size: 0.22, hull: [190, 60, 50], sail: None },
            Layer::Haze { y0: 0.3, y1: 0.55, colour: [236, 236, 236], from: 0.0, to: 0.35 },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-jakarta-battery-swap.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [52, 56, 104], bottom: [240, 150, 100] },
            Layer::Sun { x: 0.2, y: 0.52, r: 0.05, colour: [255, 200, 130], glow: 0.4 },
            Layer::Skyline { ground: 0.62, x0: -0.02, x1: 1.02, min_h: 0.12, max_h: 0.46, colour: [44, 44, 66], lit: [255, 214, 140], lit_share: 0.3 },
            Layer::Ground { level: 0.62, top: [60, 58, 70], bottom: [40, 38, 46] },
            Layer::Stalls { ground: 0.74, x0: 0.62, x1: 0.98, count: 2, canopies: &[[40, 160, 120], [40, 140, 110]] },
            Layer::Vehicles { ground: 0.86, x0: 0.0, x1: 0.95, count: 7, size: 0.1, kind: Vehicle::Motorbike, colours: BIKES },
            Layer::Vehicles { ground: 0.72, x0: 0.0, x1: 0.6, count: 2, size: 0.12, kind: Vehicle::Bus, colours: &[[40, 110, 170], [200, 80, 50]] },
            Layer::Vignette { strength: 0.3 },
        ]),
    ),
    // ---- Culture ---------------------------------------------------------
    (
        "lead-dakar-film-festival.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [8, 12, 36], bottom: [42, 44, 84] },
            Layer::Stars { count: 260 },
            Layer::Water { level: 0.56, top: [26, 32, 60], bottom: [16, 20, 40], ripple: [70, 80, 120], glint: -1.0 },
            Layer::Ground { level: 0.62, top: [40, 36, 40], bottom: [26, 24, 28] },
            Layer::Screen { x0: 0.24, y0: 0.12, x1: 0.76, y1: 0.5, light: [236, 190, 120] },
            Layer::People { ground: 0.86, x0: 0.0, x1: 1.0, count: 14, height: 0.24, clothes: NIGHT_CLOTHES, skin: [20, 18, 24] },
            Layer::People { ground: 1.04, x0: -0.02, x1: 1.0, count: 10, height: 0.34, clothes: NIGHT_CLOTHES, skin: [12, 12, 16] },
            Layer::Vignette { strength: 0.35 },
        ]),
    ),
    (
        "lead-mindelo-radio-archive.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [84, 150, 206], bottom: [222, 224, 220] },
            Layer::Mountains { base: 0.46, amp: 0.22, peaks: 4, colour: [150, 110, 90], snow: [150, 110, 90] },
            Layer::Houses { ground: 0.52, x0: 0.0, x1: 0.5, count: 10, size: 0.06, walls: PASTEL_WALLS, roof: [170, 96, 70], panels: false },
            Layer::Mast { x: 0.2, ground: 0.5, height: 0.34, colour: [200, 60, 50] },
            Layer::Water { level: 0.54, top: [40, 110, 160], bottom: [30, 80, 126], ripple: [150, 200, 226], glint: -1.0 },
            Layer::Boats { y0: 0.62, y1: 0.86, x0: 0.3, x1: 0.9, count: 3, size: 0.16, hull: [236, 236, 230], sail: None },
            Layer::Vignette { strength: 0.2 },
        ]),
    ),
    (
        "lead-tbilisi-mosaics.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [150, 176, 200], bottom: [210, 214, 214] },
            Layer::Skyline { ground: 0.9, x0: -0.02, x1: 1.02, min_h: 0.86, max_h: 0.88, colour: [176, 168, 156], lit: [120, 130, 140], lit_share: 0.0 },
            Layer::Mosaic { x0: 0.08, y0: 0.08, x1: 0.92, y1: 0.78, tile: 0.042, palette: GEORGIAN_TILES, grout: [214, 206, 190], missing: 0.07 },
            Layer::Ground { level: 0.88, top: [120, 116, 110], bottom: [96, 92, 88] },
            Layer::People { ground: 0.98, x0: 0.7, x1: 0.74, count: 1, height: 0.36, clothes: WORK_CLOTHES, skin: LIGHT_SKIN },
            Layer::Vignette { strength: 0.25 },
        ]),
    ),
    (
        "lead-lamu-poetry.jpg",
        Picture::Scene(&[
            Layer::Sky { top: [98, 86, 130], bottom: [250, 178, 110] },
            Layer::Sun { x: 0.66, y: 0.44, r: 0.06, colour: [255, 226, 160], glow: 0.5 },
            Layer::Houses { ground: 0.5, x0: -0.05, x1: 0.55, count: 12, size: 0.07, walls: WHITE_WALLS, roof: [120, 90, 80], panels: false },
            Layer::Trees { ground: 0.5, x0: 0.02, x1: 0.5, count: 4, size: 0.16, kind: Tree::Palm, colour: [48, 60, 50] },
            Layer::Haze { y0: 0.3, y1: 0.5, colour: [250, 190, 130], from: 0.0, to: 0.35 },
            Layer::Water { level: 0.5, top: [210, 150, 110], bottom: [90, 80, 100], ripple: [255, 210, 150], glint: 0.66 },
            Layer::Boats { y0: 0.6, y1: 0.84, x0: 0.1, x1: 0.9, count: 3, size: 0.22, hull: [50, 40, 44], sail: Some([240, 226, 200]) },
            Layer::Vignette { strength: 0.3 },
        ]),
    ),
    // ---- Contributors -----------------------------------------------------
    (
        "contributor-amara-osei.jpg",
        Picture::Portrait(Portrait {
            background: [[226, 140, 70], [170, 70, 60]],
            skin: [96, 62, 44],
            hair: [24, 20, 20],
            style: Hair::Wrap,
            clothes: [30, 70, 110],
            collar: [236, 230, 214],
            glasses: false,
            offset: -0.04,
        }),
    ),
    (
        "contributor-awa-diallo.jpg",
        Picture::Portrait(Portrait {
            background: [[60, 130, 120], [30, 70, 90]],
            skin: [74, 50, 38],
            hair: [20, 18, 18],
            style: Hair::Bun,
            clothes: [200, 160, 50],
            collar: [40, 36, 34],
            glasses: true,
            offset: 0.05,
        }),
    ),
    (
        "contributor-priya-raman.jpg",
        Picture::Portrait(Portrait {
            background: [[110, 90, 170], [60, 50, 110]],
            skin: [170, 120, 90],
            hair: [26, 22, 24],
            style: Hair::Long,
            clothes: [170, 40, 70],
            collar: [240, 220, 200],
            glasses: false,
            offset: 0.0,
        }),
    ),
    (
        "contributor-tomas-herrera.jpg",
        Picture::Portrait(Portrait {
            background: [[230, 196, 90], [190, 120, 60]],
            skin: [200, 150, 116],
            hair: [50, 36, 30],
            style: Hair::Short,
            clothes: [60, 64, 70],
            collar: [220, 226, 236],
            glasses: true,
            offset: -0.06,
        }),
    ),
    (
        "contributor-lucia-marin.jpg",
        Picture::Portrait(Portrait {
            background: [[120, 180, 150], [50, 110, 90]],
            skin: [226, 182, 150],
            hair: [110, 60, 36],
            style: Hair::Curly,
            clothes: [236, 232, 220],
            collar: [40, 90, 140],
            glasses: false,
            offset: 0.04,
        }),
    ),
    (
        "contributor-daniel-mensah.jpg",
        Picture::Portrait(Portrait {
            background: [[90, 140, 200], [40, 70, 130]],
            skin: [80, 54, 40],
            hair: [18, 16, 16],
            style: Hair::Cropped,
            clothes: [40, 44, 56],
            collar: [236, 236, 240],
            glasses: false,
            offset: 0.0,
        }),
    ),
    (
        "contributor-hana-kurniawan.jpg",
        Picture::Portrait(Portrait {
            background: [[236, 150, 150], [180, 80, 100]],
            skin: [206, 160, 120],
            hair: [30, 24, 24],
            style: Hair::Short,
            clothes: [40, 120, 110],
            collar: [246, 240, 226],
            glasses: true,
            offset: 0.06,
        }),
    ),
    (
        "contributor-ingrid-solberg.jpg",
        Picture::Portrait(Portrait {
            background: [[170, 190, 210], [90, 110, 140]],
            skin: [238, 204, 180],
            hair: [220, 190, 130],
            style: Hair::Long,
            clothes: [120, 40, 50],
            collar: [30, 30, 36],
            glasses: false,
            offset: -0.03,
        }),
    ),
    (
        "contributor-swahili-service.jpg",
        Picture::Emblem(Emblem::Waves {
            background: [[20, 110, 110], [10, 60, 80]],
            fg: [246, 240, 224],
            accent: [250, 180, 60],
        }),
    ),
    (
        "contributor-data-desk.jpg",
        Picture::Emblem(Emblem::Bars {
            background: [[34, 40, 70], [20, 24, 44]],
            fg: [110, 170, 230],
            accent: [250, 120, 90],
        }),
    ),
];

fn render(name: &str, picture: &Picture) -> RgbImage {
    let mut rng = Rng::new(name);
    match picture {
        Picture::Scene(layers) => {
            let mut canvas = Canvas::new(SCENE_SIZE);
            for layer in *layers {
                draw_layer(&mut canvas, layer, &mut rng);
            }
            canvas.into_image(&mut rng, 5.0)
        }
        Picture::Portrait(p) => {
            let mut canvas = Canvas::new(PHOTO_SIZE);
            draw_portrait(&mut canvas, p, &mut rng);
            canvas.into_image(&mut rng, 3.0)
        }
        Picture::Emblem(e) => {
            let mut canvas = Canvas::new(PHOTO_SIZE);
            draw_emblem(&mut canvas, e, &mut rng);
            canvas.into_image(&mut rng, 2.0)
        }
    }
}

// ---------------------------------------------------------------------------
// Randomness and colour
// ---------------------------------------------------------------------------

/// xorshift64*, seeded from an FNV-1a hash of the file name.
struct Rng(u64);

impl Rng {
    fn new(seed: &str) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Self(if h == 0 { 0x9e37_79b9_7f4a_7c15 } else { h })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    fn chance(&mut self, p: f32) -> bool {
        self.unit() < p
    }

    fn pick(&mut self, colours: &[Colour]) -> Colour {
        if colours.is_empty() {
            return [128, 128, 128];
        }
        colours[(self.next() % colours.len() as u64) as usize]
    }
}

type Fc = [f32; 3];

fn fc(c: Colour) -> Fc {
    [f32::from(c[0]), f32::from(c[1]), f32::from(c[2])]
}

fn mix(a: Colour, b: Colour, t: f32) -> Fc {
    let (a, b) = (fc(a), fc(b));
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// Multiplies a colour's brightness by `k`.
fn shade(c: Colour, k: f32) -> Colour {
    let s = |v: u8| (f32::from(v) * k).clamp(0.0, 255.0) as u8;
    [s(c[0]), s(c[1]), s(c[2])]
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

// ---------------------------------------------------------------------------
// Canvas and primitives (pixel coordinates)
// ---------------------------------------------------------------------------

struct Canvas {
    w: usize,
    h: usize,
    px: Vec<Fc>,
}

impl Canvas {
    fn new((w, h): (u32, u32)) -> Self {
        let (w, h) = (w as usize, h as usize);
        Self {
            w,
            h,
            px: vec![[0.0; 3]; w * h],
        }
    }

    fn wf(&self) -> f32 {
        self.w as f32
    }

    fn hf(&self) -> f32 {
        self.h as f32
    }

    fn blend(&mut self, x: usize, y: usize, c: Fc, a: f32) {
        let p = &mut self.px[y * self.w + x];
        p[0] += (c[0] - p[0]) * a;
        p[1] += (c[1] - p[1]) * a;
        p[2] += (c[2] - p[2]) * a;
    }

    /// Paints row `y` from `x0` to `x1`, with partial cover at the ends.
    fn span(&mut self, y: usize, x0: f32, x1: f32, c: Fc, a: f32) {
        if y >= self.h {
            return;
        }
        let (x0, x1) = (x0.max(0.0), x1.min(self.wf()));
        if x1 <= x0 {
            return;
        }
        let first = x0.floor() as usize;
        let end = (x1.ceil() as usize).min(self.w);
        for x in first..end {
            let cover = if x == first || x + 1 == end {
                ((x as f32 + 1.0).min(x1) - (x as f32).max(x0)).clamp(0.0, 1.0)
            } else {
                1.0
            };
            self.blend(x, y, c, a * cover);
        }
    }

    fn rows(&self, y0: f32, y1: f32) -> std::ops::Range<usize> {
        let top = y0.max(0.0).floor() as usize;
        let bottom = (y1.max(0.0).ceil() as usize).min(self.h);
        top.min(bottom)..bottom
    }

    fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, c: Colour, a: f32) {
        let c = fc(c);
        for y in self.rows(y0, y1) {
            self.span(y, x0, x1, c, a);
        }
    }

    /// Fills a polygon (even-odd rule), sampling each row at its centre.
    fn poly(&mut self, pts: &[(f32, f32)], c: Colour, a: f32) {
        if pts.len() < 3 {
            return;
        }
        let c = fc(c);
        let ymin = pts.iter().map(|p| p.1).fold(f32::MAX, f32::min);
        let ymax = pts.iter().map(|p| p.1).fold(f32::MIN, f32::max);
        let mut xs: Vec<f32> = Vec::with_capacity(8);
        for y in self.rows(ymin, ymax) {
            let sy = y as f32 + 0.5;
            xs.clear();
            for i in 0..pts.len() {
                let (x0, y0) = pts[i];
                let (x1, y1) = pts[(i + 1) % pts.len()];
                if (y0 <= sy && y1 > sy) || (y1 <= sy && y0 > sy) {
                    xs.push(x0 + (sy - y0) / (y1 - y0) * (x1 - x0));
                }
            }
            xs.sort_by(f32::total_cmp);
            for pair in xs.chunks_exact(2) {
                self.span(y, pair[0], pair[1], c, a);
            }
        }
    }

    fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, c: Colour, a: f32) {
        if rx <= 0.0 || ry <= 0.0 {
            return;
        }
        let c = fc(c);
        for y in self.rows(cy - ry, cy + ry) {
            let dy = (y as f32 + 0.5 - cy) / ry;
            if dy.abs() < 1.0 {
                let half = rx * (1.0 - dy * dy).sqrt();
                self.span(y, cx - half, cx + half, c, a);
            }
        }
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, c: Colour, a: f32) {
        self.ellipse(cx, cy, r, r, c, a);
    }

    fn line(&mut self, (x0, y0): (f32, f32), (x1, y1): (f32, f32), width: f32, c: Colour, a: f32) {
        let (dx, dy) = (x1 - x0, y1 - y0);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-3 {
            return;
        }
        let (nx, ny) = (-dy / len * width / 2.0, dx / len * width / 2.0);
        self.poly(
            &[
                (x0 + nx, y0 + ny),
                (x1 + nx, y1 + ny),
                (x1 - nx, y1 - ny),
                (x0 - nx, y0 - ny),
            ],
            c,
            a,
        );
    }

    /// A soft radial glow, strongest (`a`) at the centre, gone at radius `r`.
    fn glow(&mut self, cx: f32, cy: f32, r: f32, c: Colour, a: f32) {
        let c = fc(c);
        let x0 = (cx - r).max(0.0) as usize;
        let x1 = ((cx + r).max(0.0) as usize).min(self.w);
        for y in self.rows(cy - r, cy + r) {
            let dy = y as f32 + 0.5 - cy;
            for x in x0..x1 {
                let dx = x as f32 + 0.5 - cx;
                let d2 = (dx * dx + dy * dy) / (r * r);
                if d2 < 1.0 {
                    let f = 1.0 - d2;
                    self.blend(x, y, c, a * f * f);
                }
            }
        }
    }

    /// Part of a ring of radius `r`, between angles `a0` and `a1` (radians,
    /// clockwise from the positive x axis since y points down).
    fn arc(&mut self, (cx, cy): (f32, f32), r: f32, thick: f32, (a0, a1): (f32, f32), c: Colour) {
        let c = fc(c);
        let outer = r + thick / 2.0 + 1.0;
        let x0 = (cx - outer).max(0.0) as usize;
        let x1 = ((cx + outer).max(0.0) as usize).min(self.w);
        for y in self.rows(cy - outer, cy + outer) {
            let dy = y as f32 + 0.5 - cy;
            for x in x0..x1 {
                let dx = x as f32 + 0.5 - cx;
                let d = (dx * dx + dy * dy).sqrt();
                let edge = thick / 2.0 - (d - r).abs();
                if edge > -1.0 {
                    let angle = dy.atan2(dx);
                    if angle >= a0 && angle <= a1 {
                        self.blend(x, y, c, (edge + 0.5).clamp(0.0, 1.0));
                    }
                }
            }
        }
    }

    /// Converts to 8-bit pixels, adding a little film grain.
    fn into_image(self, rng: &mut Rng, grain: f32) -> RgbImage {
        let mut out = RgbImage::new(self.w as u32, self.h as u32);
        for (dst, src) in out.pixels_mut().zip(&self.px) {
            let n = (rng.unit() - 0.5) * 2.0 * grain;
            let q = |v: f32| (v + n).round().clamp(0.0, 255.0) as u8;
            *dst = Rgb([q(src[0]), q(src[1]), q(src[2])]);
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Scene layers
// ---------------------------------------------------------------------------

fn draw_layer(cv: &mut Canvas, layer: &Layer, rng: &mut Rng) {
    let (w, h) = (cv.wf(), cv.hf());
    match *layer {
        Layer::Sky { top, bottom } => gradient(cv, 0.0, top, bottom),
        Layer::Sun {
            x,
            y,
            r,
            colour,
            glow,
        } => {
            let (cx, cy, r) = (x * w, y * h, r * h);
            cv.glow(cx, cy, r * 5.0, colour, glow);
            cv.glow(cx, cy, r * 1.8, colour, glow);
            cv.circle(cx, cy, r, colour, 0.95);
        }
        Layer::Stars { count } => {
            for _ in 0..count {
                let (x, y) = (rng.range(0.0, w), rng.range(0.0, h * 0.55));
                let bright = rng.range(0.3, 1.0);
                cv.circle(x, y, rng.range(0.6, 1.6), [250, 248, 236], bright);
            }
        }
        Layer::Clouds {
            y,
            count,
            colour,
            alpha,
        } => {
            for _ in 0..count {
                let cx = rng.range(-0.05, 1.05) * w;
                let cy = (y + rng.range(-0.08, 0.1)) * h;
                let size = rng.range(0.06, 0.16) * w;
                for _ in 0..6 {
                    let ox = rng.range(-0.9, 0.9) * size;
                    let oy = rng.range(-0.15, 0.1) * size;
                    let r = rng.range(0.25, 0.5) * size;
                    cv.ellipse(cx + ox, cy + oy, r, r * 0.45, colour, alpha * 0.45);
                }
            }
        }
        Layer::Hills {
            base,
            amp,
            freq,
            colour,
        } => {
            let phases = [
                rng.range(0.0, TAU),
                rng.range(0.0, TAU),
                rng.range(0.0, TAU),
            ];
            let ridge = |u: f32| {
                base - amp
                    * (0.6 * (u * freq * TAU + phases[0]).sin()
                        + 0.3 * (u * freq * 2.3 * TAU + phases[1]).sin()
                        + 0.12 * (u * freq * 5.7 * TAU + phases[2]).sin())
            };
            fill_under(cv, colour, 0.82, |x| ridge(x / w) * h);
        }
        Layer::Mountains {
            base,
            amp,
            peaks,
            colour,
            snow,
        } => draw_mountains(cv, rng, (base, amp, peaks), colour, snow),
        Layer::Ground { level, top, bottom } => gradient(cv, level * h, top, bottom),
        Layer::Water {
            level,
            top,
            bottom,
            ripple,
            glint,
        } => {
            gradient(cv, level * h, top, bottom);
            let depth = h - level * h;
            for _ in 0..(w as u32 / 2) {
                let t = rng.unit();
                let y = level * h + t * t * depth;
                let len = lerp(6.0, 70.0, t) * rng.range(0.5, 1.2);
                let x = rng.range(-0.05, 1.0) * w;
                cv.rect(x, y, x + len, y + 1.0 + t * 1.5, ripple, 0.3);
            }
            if glint >= 0.0 {
                for _ in 0..260 {
                    let t = rng.unit();
                    let y = level * h + t * depth;
                    let spread = lerp(0.02, 0.12, t) * w;
                    let x = glint * w + rng.range(-1.0, 1.0) * spread;
                    let len = lerp(8.0, 60.0, t) * rng.range(0.4, 1.0);
                    cv.rect(
                        x - len / 2.0,
                        y,
                        x + len / 2.0,
                        y + 1.5 + t * 2.0,
                        ripple,
                        0.6,
                    );
                }
            }
        }
        Layer::Furrows { top, colour, rows } => {
            let (vx, vy) = (0.5 * w, top * h - 0.4 * h);
            let n = rows.max(1) as f32;
            let frac = (top * h - vy) / (h - vy);
            for i in 0..=(rows * 2) {
                let xb = lerp(-0.6, 1.6, i as f32 / (2.0 * n)) * w;
                let wb = w / n * 0.28;
                let xt = vx + (xb - vx) * frac;
                let wt = wb * frac;
                cv.poly(
                    &[
                        (xt - wt, top * h),
                        (xt + wt, top * h),
                        (xb + wb, h),
                        (xb - wb, h),
                    ],
                    colour,
                    0.45,
                );
            }
        }
        Layer::Road {
            horizon,
            x,
            colour,
            edge,
        } => {
            let phase = rng.range(0.0, TAU);
            let c = fc(colour);
            let e = fc(edge);
            for y in cv.rows(horizon * h, h) {
                let t = (y as f32 - horizon * h) / (h - horizon * h);
                let centre = w * (x + 0.12 * (1.0 - t) * (5.0 * (1.0 - t) + phase).sin());
                let half = w * (0.004 + 0.22 * t.powf(1.6));
                cv.span(y, centre - half, centre + half, c, 1.0);
                let line = (half * 0.06).max(0.8);
                cv.span(y, centre - half, centre - half + line, e, 0.9);
                cv.span(y, centre + half - line, centre + half, e, 0.9);
            }
        }
        Layer::Pools {
            top,
            bottom,
            count,
            colour,
        } => {
            for _ in 0..count {
                let t = rng.unit();
                let cy = lerp(top, bottom, t) * h;
                let rx = rng.range(0.02, 0.07) * w * (0.4 + t);
                let ry = rx * (0.1 + 0.12 * t);
                let cx = rng.range(0.0, 1.0) * w;
                cv.ellipse(cx, cy, rx * 1.08, ry * 1.3, shade(colour, 0.35), 0.6);
                cv.ellipse(cx, cy, rx, ry, colour, 0.95);
                cv.rect(
                    cx - rx * 0.5,
                    cy - ry * 0.2,
                    cx + rx * 0.3,
                    cy,
                    [236, 240, 244],
                    0.25,
                );
            }
        }
        Layer::Houses {
            ground,
            x0,
            x1,
            count,
            size,
            walls,
            roof,
            panels,
        } => {
            let mut houses: Vec<(f32, f32, f32)> = (0..count)
                .map(|_| {
                    (
                        rng.range(x0, x1) * w,
                        (ground + rng.range(0.0, 0.03)) * h,
                        size * h * rng.range(0.75, 1.25),
                    )
                })
                .collect();
            houses.sort_by(|a, b| a.1.total_cmp(&b.1));
            for (x, gy, s) in houses {
                let wall = rng.pick(walls);
                draw_house(cv, rng, (x, gy, s), wall, roof, panels);
            }
        }
        Layer::Hillside {
            x0,
            y0,
            x1,
            y1,
            depth,
            count,
            size,
            walls,
        } => {
            let mut houses: Vec<(f32, f32)> = (0..count)
                .map(|_| {
                    let u = rng.unit();
                    let slope = lerp(y0, y1, u);
                    (
                        lerp(x0, x1, u) * w,
                        (slope + rng.unit().powf(1.3) * depth) * h,
                    )
                })
                .collect();
            houses.sort_by(|a, b| a.1.total_cmp(&b.1));
            for (x, y) in houses {
                let s = size * h * rng.range(0.7, 1.3) * (0.7 + 0.8 * (y / h - y0).max(0.0));
                let bw = s * rng.range(0.9, 1.8);
                let bh = s * rng.range(0.7, 1.2);
                let wall = rng.pick(walls);
                cv.rect(x, y - bh, x + bw, y, wall, 1.0);
                cv.rect(x + bw * 0.72, y - bh, x + bw, y, shade(wall, 0.78), 1.0);
                cv.rect(
                    x - 1.0,
                    y - bh - 2.0,
                    x + bw + 1.0,
                    y - bh,
                    shade(wall, 0.6),
                    1.0,
                );
                let win = (s * 0.18).max(1.5);
                for k in 0..2 {
                    if rng.chance(0.7) {
                        let wx = x + bw * (0.15 + 0.35 * k as f32);
                        cv.rect(
                            wx,
                            y - bh * 0.65,
                            wx + win,
                            y - bh * 0.65 + win * 1.2,
                            [40, 40, 48],
                            0.85,
                        );
                    }
                }
            }
        }
        Layer::Skyline {
            ground,
            x0,
            x1,
            min_h,
            max_h,
            colour,
            lit,
            lit_share,
        } => {
            let mut x = x0 * w;
            let gy = ground * h;
            while x < x1 * w {
                let bw = rng.range(0.035, 0.08) * w;
                let bh = rng.range(min_h, max_h) * h;
                let wall = shade(colour, rng.range(0.85, 1.15));
                cv.rect(x, gy - bh, x + bw - 2.0, gy, wall, 1.0);
                if rng.chance(0.3) {
                    cv.line(
                        (x + bw * 0.5, gy - bh),
                        (x + bw * 0.5, gy - bh - 0.04 * h),
                        2.0,
                        wall,
                        1.0,
                    );
                }
                let mut wy = gy - bh + 8.0;
                while wy < gy - 10.0 {
                    let mut wx = x + 5.0;
                    while wx < x + bw - 9.0 {
                        let (c, a) = if rng.chance(lit_share) {
                            (lit, 0.9)
                        } else {
                            (shade(wall, 0.8), 0.7)
                        };
                        cv.rect(wx, wy, wx + 4.0, wy + 5.0, c, a);
                        wx += 9.0;
                    }
                    wy += 12.0;
                }
                x += bw;
            }
        }
        Layer::Trees {
            ground,
            x0,
            x1,
            count,
            size,
            kind,
            colour,
        } => {
            for _ in 0..count {
                let x = rng.range(x0, x1) * w;
                let gy = (ground + rng.range(-0.01, 0.02)) * h;
                let s = size * h * rng.range(0.75, 1.2);
                draw_tree(cv, rng, (x, gy, s), kind, colour);
            }
        }
        Layer::Boats {
            y0,
            y1,
            x0,
            x1,
            count,
            size,
            hull,
            sail,
        } => {
            let mut boats: Vec<(f32, f32)> = (0..count)
                .map(|_| (rng.range(x0, x1) * w, rng.range(y0, y1) * h))
                .collect();
            boats.sort_by(|a, b| a.1.total_cmp(&b.1));
            for (x, y) in boats {
                let depth = ((y / h - y0) / (y1 - y0).max(1e-3)).clamp(0.0, 1.0);
                let len = size * w * (0.6 + 0.6 * depth) * rng.range(0.85, 1.15);
                draw_boat(cv, rng, (x, y, len), hull, sail);
            }
        }
        Layer::Ship {
            x,
            y,
            length,
            hull,
            cargo,
        } => {
            let (cx, wl, len) = (x * w, y * h, length * w);
            let hh = len * 0.07;
            let left = cx - len / 2.0;
            let right = cx + len / 2.0;
            for row in 0..3 {
                let top = wl - hh - (row as f32 + 1.0) * hh * 0.55;
                let mut bx = left + len * 0.08 + row as f32 * 4.0;
                while bx < right - len * 0.25 {
                    if rng.chance(0.88 - row as f32 * 0.15) {
                        let c = rng.pick(cargo);
                        cv.rect(
                            bx,
                            top,
                            bx + len * 0.035 - 1.5,
                            top + hh * 0.55 - 1.0,
                            c,
                            1.0,
                        );
                    }
                    bx += len * 0.035;
                }
            }
            cv.rect(
                right - len * 0.2,
                wl - hh * 3.6,
                right - len * 0.1,
                wl - hh,
                [236, 236, 232],
                1.0,
            );
            cv.rect(
                right - len * 0.2,
                wl - hh * 3.0,
                right - len * 0.1,
                wl - hh * 2.8,
                [40, 50, 70],
                0.8,
            );
            cv.rect(
                right - len * 0.16,
                wl - hh * 4.4,
                right - len * 0.13,
                wl - hh * 3.6,
                [200, 70, 50],
                1.0,
            );
            cv.poly(
                &[
                    (left, wl - hh),
                    (right + len * 0.03, wl - hh * 1.2),
                    (right - len * 0.02, wl),
                    (left + len * 0.03, wl),
                ],
                hull,
                1.0,
            );
            cv.rect(
                left + len * 0.02,
                wl - hh * 0.35,
                right - len * 0.01,
                wl - hh * 0.2,
                [170, 50, 40],
                0.9,
            );
        }
        Layer::Cranes {
            ground,
            x0,
            x1,
            count,
            colour,
        } => {
            for i in 0..count {
                let t = if count > 1 {
                    i as f32 / (count - 1) as f32
                } else {
                    0.5
                };
                let x = lerp(x0, x1, t) * w;
                let gy = ground * h;
                let height = 0.42 * h;
                let span = 0.07 * w;
                let leg = (0.006 * w).max(3.0);
                let dark = shade(colour, 0.75);
                cv.rect(x, gy - height, x + leg, gy, colour, 1.0);
                cv.rect(x + span, gy - height, x + span + leg, gy, dark, 1.0);
                cv.rect(
                    x,
                    gy - height * 0.5,
                    x + span + leg,
                    gy - height * 0.5 + leg,
                    dark,
                    1.0,
                );
                let boom_y = gy - height * 0.92;
                cv.rect(
                    x - 0.15 * w,
                    boom_y,
                    x + span + 0.06 * w,
                    boom_y + leg * 1.2,
                    colour,
                    1.0,
                );
                let apex = (x + span * 0.5, gy - height * 1.22);
                cv.line(apex, (x - 0.15 * w, boom_y), 2.0, dark, 1.0);
                cv.line(apex, (x + span + 0.06 * w, boom_y), 2.0, dark, 1.0);
                cv.line((x, gy - height), apex, leg * 0.8, colour, 1.0);
                cv.line((x + span + leg, gy - height), apex, leg * 0.8, dark, 1.0);
                cv.rect(
                    x + span * 0.1,
                    boom_y - 0.04 * h,
                    x + span * 0.9,
                    boom_y,
                    [230, 230, 226],
                    1.0,
                );
                cv.line(
                    (x - 0.1 * w, boom_y),
                    (x - 0.1 * w, boom_y + 0.12 * h),
                    1.2,
                    [40, 40, 40],
                    0.9,
                );
            }
        }
        Layer::Containers {
            ground,
            x0,
            x1,
            size,
            palette,
        } => {
            let bw = size * w;
            let bh = bw * 0.45;
            let mut x = x0 * w;
            while x < x1 * w {
                let levels = 1 + (rng.next() % 4) as usize;
                for level in 0..levels {
                    let y = ground * h - (level as f32 + 1.0) * bh;
                    let c = rng.pick(palette);
                    cv.rect(x, y, x + bw - 2.0, y + bh - 1.5, c, 1.0);
                    let mut rib = x + 3.0;
                    while rib < x + bw - 4.0 {
                        cv.rect(rib, y + 2.0, rib + 1.0, y + bh - 3.0, shade(c, 0.7), 0.6);
                        rib += 4.0;
                    }
                }
                x += bw + if rng.chance(0.2) { bw * 0.4 } else { 0.0 };
            }
        }
        Layer::Turbines {
            ground,
            x0,
            x1,
            count,
            height,
            colour,
        } => {
            for i in 0..count {
                let t = if count > 1 {
                    i as f32 / (count - 1) as f32
                } else {
                    0.5
                };
                let x = lerp(x0, x1, t) * w + rng.range(-0.02, 0.02) * w;
                let tall = height * h * rng.range(0.8, 1.1);
                let hub = (x, ground * h - tall);
                cv.poly(
                    &[
                        (x - tall * 0.025, ground * h),
                        (x + tall * 0.025, ground * h),
                        (x + tall * 0.01, hub.1),
                        (x - tall * 0.01, hub.1),
                    ],
                    colour,
                    1.0,
                );
                let spin = rng.range(0.0, TAU);
                for k in 0..3 {
                    let a = spin + k as f32 * TAU / 3.0;
                    let tip = (hub.0 + a.cos() * tall * 0.5, hub.1 + a.sin() * tall * 0.5);
                    let side = (
                        hub.0 + (a + 0.12).cos() * tall * 0.08,
                        hub.1 + (a + 0.12).sin() * tall * 0.08,
                    );
                    cv.poly(&[hub, side, tip], colour, 1.0);
                }
                cv.circle(hub.0, hub.1, tall * 0.025, shade(colour, 0.85), 1.0);
            }
        }
        Layer::Panels {
            top,
            bottom,
            x0,
            x1,
            rows,
            colour,
            frame,
        } => {
            let n = rows.max(1);
            for r in 0..n {
                let t0 = (r as f32 / n as f32).powf(1.5);
                let t1 = ((r as f32 + 0.7) / n as f32).powf(1.5);
                let ya = lerp(top, bottom, t0) * h;
                let yb = lerp(top, bottom, t1) * h;
                let spread = |t: f32| lerp(0.55, 1.3, t);
                let (la, ra) = (
                    0.5 * w + (x0 - 0.5) * w * spread(t0),
                    0.5 * w + (x1 - 0.5) * w * spread(t0),
                );
                let (lb, rb) = (
                    0.5 * w + (x0 - 0.5) * w * spread(t1),
                    0.5 * w + (x1 - 0.5) * w * spread(t1),
                );
                cv.rect(
                    lb + 4.0,
                    yb,
                    lb + 8.0,
                    yb + (yb - ya) * 0.4,
                    [60, 60, 64],
                    1.0,
                );
                cv.rect(
                    rb - 8.0,
                    yb,
                    rb - 4.0,
                    yb + (yb - ya) * 0.4,
                    [60, 60, 64],
                    1.0,
                );
                cv.poly(&[(la, ya), (ra, ya), (rb, yb), (lb, yb)], colour, 1.0);
                cv.line((la, ya), (ra, ya), 2.0, frame, 1.0);
                let cells = 14;
                for c in 1..cells {
                    let u = c as f32 / cells as f32;
                    cv.line(
                        (lerp(la, ra, u), ya),
                        (lerp(lb, rb, u), yb),
                        1.0,
                        frame,
                        0.5,
                    );
                }
                let ym = (ya + yb) / 2.0;
                cv.line(
                    (lerp(la, lb, 0.5), ym),
                    (lerp(ra, rb, 0.5), ym),
                    1.0,
                    frame,
                    0.4,
                );
                cv.poly(
                    &[
                        (la, ya),
                        (ra, ya),
                        (lerp(ra, rb, 0.3), lerp(ya, yb, 0.3)),
                        (lerp(la, lb, 0.3), lerp(ya, yb, 0.3)),
                    ],
                    [200, 220, 250],
                    0.15,
                );
            }
        }
        Layer::Stalls {
            ground,
            x0,
            x1,
            count,
            canopies,
        } => {
            let n = count.max(1);
            let step = (x1 - x0) / n as f32;
            for i in 0..n {
                let x = (x0 + step * i as f32 + rng.range(0.0, step * 0.15)) * w;
                let sw = step * w * rng.range(0.8, 0.95);
                let gy = ground * h;
                let table_y = gy - 0.08 * h;
                let canopy_y = gy - 0.26 * h;
                let pole = [70, 60, 50];
                cv.rect(x + 2.0, canopy_y, x + 6.0, gy, pole, 1.0);
                cv.rect(x + sw - 6.0, canopy_y, x + sw - 2.0, gy, pole, 1.0);
                cv.rect(x, canopy_y, x + sw, gy, [0, 0, 0], 0.15);
                cv.rect(
                    x + 4.0,
                    table_y,
                    x + sw - 4.0,
                    table_y + 0.025 * h,
                    [120, 84, 56],
                    1.0,
                );
                for _ in 0..10 {
                    let gx = x + rng.range(0.1, 0.9) * sw;
                    let good = rng.pick(&[
                        [220, 70, 40],
                        [250, 180, 30],
                        [120, 170, 60],
                        [240, 230, 210],
                        [90, 60, 120],
                    ]);
                    cv.circle(gx, table_y - 0.01 * h, 0.014 * h, good, 1.0);
                }
                let canopy = rng.pick(canopies);
                cv.poly(
                    &[
                        (x - 0.1 * sw, canopy_y + 0.02 * h),
                        (x + 0.15 * sw, canopy_y - 0.05 * h),
                        (x + 0.85 * sw, canopy_y - 0.05 * h),
                        (x + 1.1 * sw, canopy_y + 0.02 * h),
                    ],
                    canopy,
                    1.0,
                );
                cv.rect(
                    x - 0.1 * sw,
                    canopy_y + 0.02 * h,
                    x + 1.1 * sw,
                    canopy_y + 0.035 * h,
                    shade(canopy, 0.75),
                    1.0,
                );
            }
        }
        Layer::People {
            ground,
            x0,
            x1,
            count,
            height,
            clothes,
            skin,
        } => {
            let n = count.max(1);
            let step = (x1 - x0) / n as f32;
            for i in 0..n {
                let x = (x0 + step * (i as f32 + 0.5) + rng.range(-0.3, 0.3) * step) * w;
                let tall = height * h * rng.range(0.85, 1.08);
                let colour = rng.pick(clothes);
                draw_person(cv, rng, (x, ground * h, tall), colour, skin);
            }
        }
        Layer::Tents {
            ground,
            x0,
            x1,
            count,
            size,
            colours,
        } => {
            let n = count.max(1);
            let step = (x1 - x0) / n as f32;
            for i in 0..n {
                let x = (x0 + step * i as f32 + rng.range(0.0, 0.2) * step) * w;
                let s = size * h * rng.range(0.85, 1.1);
                let gy = (ground + rng.range(-0.01, 0.01)) * h;
                let c = rng.pick(colours);
                let front = [(x, gy), (x + s * 0.6, gy - s * 0.7), (x + s * 1.2, gy)];
                cv.poly(
                    &[
                        front[1],
                        (x + s * 2.0, gy - s * 0.66),
                        (x + s * 2.5, gy - s * 0.02),
                        front[2],
                    ],
                    shade(c, 0.82),
                    1.0,
                );
                cv.poly(&front, c, 1.0);
                cv.poly(
                    &[
                        (x + s * 0.45, gy),
                        (x + s * 0.6, gy - s * 0.45),
                        (x + s * 0.75, gy),
                    ],
                    shade(c, 0.45),
                    1.0,
                );
            }
        }
        Layer::Vehicles {
            ground,
            x0,
            x1,
            count,
            size,
            kind,
            colours,
        } => {
            for _ in 0..count {
                let x = rng.range(x0, x1) * w;
                let s = size * w * rng.range(0.9, 1.1);
                let body = rng.pick(colours);
                draw_vehicle(cv, rng, (x, ground * h, s), kind, body);
            }
        }
        Layer::Cable {
            x0,
            y0,
            x1,
            y1,
            cabins,
            colour,
            cabin,
        } => {
            let point = |t: f32| {
                let sag = 0.06 * h * 4.0 * t * (1.0 - t);
                (lerp(x0, x1, t) * w, lerp(y0, y1, t) * h + sag)
            };
            for tower in [0.22, 0.55, 0.85] {
                let (tx, ty) = point(tower);
                cv.poly(
                    &[
                        (tx - 4.0, ty),
                        (tx + 4.0, ty),
                        (tx + 10.0, ty + 0.3 * h),
                        (tx - 10.0, ty + 0.3 * h),
                    ],
                    [150, 150, 156],
                    1.0,
                );
                cv.rect(
                    tx - 14.0,
                    ty - 3.0,
                    tx + 14.0,
                    ty + 3.0,
                    [120, 120, 126],
                    1.0,
                );
            }
            let segments = 60;
            for s in 0..segments {
                let a = point(s as f32 / segments as f32);
                let b = point((s + 1) as f32 / segments as f32);
                cv.line(a, b, 2.0, colour, 1.0);
                cv.line((a.0, a.1 + 8.0), (b.0, b.1 + 8.0), 1.5, colour, 0.8);
            }
            for c in 0..cabins {
                let t = (c as f32 + 0.5) / cabins as f32 + rng.range(-0.03, 0.03);
                let (cx, cy) = point(t);
                let s = 0.05 * h * (1.4 - t * 0.7);
                cv.line((cx, cy), (cx, cy + s * 0.9), 2.0, colour, 1.0);
                cv.rect(
                    cx - s * 0.7,
                    cy + s * 0.9,
                    cx + s * 0.7,
                    cy + s * 2.2,
                    cabin,
                    1.0,
                );
                cv.ellipse(cx, cy + s * 0.95, s * 0.7, s * 0.2, cabin, 1.0);
                cv.rect(
                    cx - s * 0.55,
                    cy + s * 1.1,
                    cx + s * 0.55,
                    cy + s * 1.6,
                    [200, 220, 236],
                    0.9,
                );
            }
        }
        Layer::Mast {
            x,
            ground,
            height,
            colour,
        } => {
            let (bx, gy, tall) = (x * w, ground * h, height * h);
            let foot = tall * 0.06;
            let top = (bx, gy - tall);
            cv.line((bx - foot, gy), top, 2.5, colour, 1.0);
            cv.line((bx + foot, gy), top, 2.5, colour, 1.0);
            let steps = 12;
            for s in 0..steps {
                let t0 = s as f32 / steps as f32;
                let t1 = (s + 1) as f32 / steps as f32;
                let half = |t: f32| foot * (1.0 - t);
                let (ya, yb) = (gy - tall * t0, gy - tall * t1);
                let (a, b) = if s % 2 == 0 { (-1.0, 1.0) } else { (1.0, -1.0) };
                cv.line(
                    (bx + a * half(t0), ya),
                    (bx + b * half(t1), yb),
                    1.2,
                    colour,
                    0.9,
                );
            }
            for side in [-1.0, 1.0] {
                cv.line(
                    (bx, gy - tall * 0.7),
                    (bx + side * tall * 0.45, gy),
                    1.0,
                    [80, 80, 80],
                    0.5,
                );
            }
            cv.glow(top.0, top.1, 10.0, [255, 80, 60], 0.7);
            cv.circle(top.0, top.1, 2.5, [255, 90, 70], 1.0);
        }
        Layer::Screen {
            x0,
            y0,
            x1,
            y1,
            light,
        } => {
            let (ax, ay, bx, by) = (x0 * w, y0 * h, x1 * w, y1 * h);
            cv.glow(
                (ax + bx) / 2.0,
                (ay + by) / 2.0,
                (bx - ax) * 0.75,
                light,
                0.35,
            );
            cv.rect(ax + 10.0, by, ax + 16.0, 0.7 * h, [30, 30, 34], 1.0);
            cv.rect(bx - 16.0, by, bx - 10.0, 0.7 * h, [30, 30, 34], 1.0);
            cv.rect(ax - 6.0, ay - 6.0, bx + 6.0, by + 6.0, [20, 20, 24], 1.0);
            let lit = [
                light[0].saturating_add(15),
                light[1].saturating_add(30),
                light[2].saturating_add(60),
            ];
            let c0 = fc(lit);
            let c1 = fc(shade(light, 0.65));
            for y in cv.rows(ay, by) {
                let t = (y as f32 - ay) / (by - ay);
                let c = [
                    lerp(c0[0], c1[0], t),
                    lerp(c0[1], c1[1], t),
                    lerp(c0[2], c1[2], t),
                ];
                cv.span(y, ax, bx, c, 1.0);
            }
            let (sw, sh) = (bx - ax, by - ay);
            cv.poly(
                &[
                    (ax, by),
                    (ax + sw * 0.3, ay + sh * 0.55),
                    (ax + sw * 0.55, ay + sh * 0.7),
                    (ax + sw * 0.8, ay + sh * 0.5),
                    (bx, by),
                ],
                shade(light, 0.4),
                0.8,
            );
            cv.circle(
                ax + sw * 0.72,
                ay + sh * 0.28,
                sh * 0.1,
                [255, 250, 236],
                0.9,
            );
        }
        Layer::Stakes {
            top,
            bottom,
            rows,
            colour,
            weed,
        } => {
            let n = rows.max(2);
            for r in 0..n {
                let t = r as f32 / (n - 1) as f32;
                let y = lerp(top, bottom, t.powf(1.4)) * h;
                let stake = 0.012 * h + 0.05 * h * t;
                let spread = lerp(0.6, 2.0, t);
                let gap = lerp(0.05, 0.11, t) * w;
                let mut x = 0.5 * w - 0.5 * w * spread;
                let offset = rng.range(0.0, gap);
                x += offset;
                let line_y = y - stake * 0.4;
                cv.line(
                    (0.5 * w - 0.5 * w * spread, line_y),
                    (0.5 * w + 0.5 * w * spread, line_y),
                    1.0 + t,
                    shade(colour, 1.3),
                    0.6,
                );
                while x < 0.5 * w + 0.5 * w * spread {
                    cv.rect(x, y - stake, x + 1.5 + 2.5 * t, y, colour, 1.0);
                    x += gap;
                }
                let mut wx = 0.5 * w - 0.5 * w * spread;
                while wx < 0.5 * w + 0.5 * w * spread {
                    cv.ellipse(wx, line_y + 1.0, 2.0 + 4.0 * t, 1.0 + 2.0 * t, weed, 0.8);
                    wx += gap * 0.18;
                }
            }
        }
        Layer::Mosaic {
            x0,
            y0,
            x1,
            y1,
            tile,
            palette,
            grout,
            missing,
        } => {
            let (ax, ay, bx, by) = (x0 * w, y0 * h, x1 * w, y1 * h);
            cv.rect(
                ax - 8.0,
                ay - 8.0,
                bx + 8.0,
                by + 8.0,
                shade(grout, 0.7),
                1.0,
            );
            cv.rect(ax, ay, bx, by, grout, 1.0);
            let size = tile * h;
            let centres = [
                (ax + (bx - ax) * 0.3, ay + (by - ay) * 0.45),
                (ax + (bx - ax) * 0.72, ay + (by - ay) * 0.55),
            ];
            let mut y = ay;
            while y + size <= by + 0.5 {
                let mut x = ax;
                while x + size <= bx + 0.5 {
                    let (mx, my) = (x + size / 2.0, y + size / 2.0);
                    let (d, (cx, cy)) = centres
                        .iter()
                        .map(|&(cx, cy)| (((mx - cx).powi(2) + (my - cy).powi(2)).sqrt(), (cx, cy)))
                        .fold(
                            (f32::MAX, (0.0, 0.0)),
                            |best, c| if c.0 < best.0 { c } else { best },
                        );
                    let ring = (d / (size * 2.2)) as usize;
                    let sector = (((my - cy).atan2(mx - cx) + PI) / TAU * 12.0) as usize;
                    let pick = if ring < 9 {
                        ring + (sector % 2) * (ring % 2)
                    } else {
                        3 + (sector + ring) % 3
                    };
                    let base = palette
                        .get(pick % palette.len().max(1))
                        .copied()
                        .unwrap_or(grout);
                    if rng.chance(missing * (1.0 + (my - ay) / (by - ay))) {
                        cv.rect(
                            x + 1.0,
                            y + 1.0,
                            x + size - 1.0,
                            y + size - 1.0,
                            shade(grout, 1.05),
                            1.0,
                        );
                    } else {
                        let c = shade(base, rng.range(0.92, 1.06));
                        let j = size * 0.08;
                        cv.rect(
                            x + 1.0 + rng.range(0.0, j),
                            y + 1.0 + rng.range(0.0, j),
                            x + size - 1.5,
                            y + size - 1.5,
                            c,
                            1.0,
                        );
                    }
                    x += size;
                }
                y += size;
            }
        }
        Layer::Rain {
            count,
            colour,
            alpha,
        } => {
            for _ in 0..count {
                let (x, y) = (rng.range(-0.05, 1.0) * w, rng.range(0.0, 1.0) * h);
                let len = rng.range(12.0, 30.0);
                cv.line((x, y), (x + len * 0.25, y + len), 1.0, colour, alpha);
            }
        }
        Layer::Haze {
            y0,
            y1,
            colour,
            from,
            to,
        } => {
            let c = fc(colour);
            let (top, bottom) = (y0 * h, y1 * h);
            for y in cv.rows(top, bottom) {
                let t = (y as f32 - top) / (bottom - top).max(1.0);
                cv.span(y, 0.0, w, c, lerp(from, to, t));
            }
        }
        Layer::Vignette { strength } => {
            let (cx, cy) = (w / 2.0, h / 2.0);
            let norm = 1.0 / (cx * cx + cy * cy);
            for y in 0..cv.h {
                let dy = y as f32 - cy;
                for x in 0..cv.w {
                    let dx = x as f32 - cx;
                    let k = 1.0 - strength * (dx * dx + dy * dy) * norm;
                    let p = &mut cv.px[y * cv.w + x];
                    p[0] *= k;
                    p[1] *= k;
                    p[2] *= k;
                }
            }
        }
    }
}

/// Fills from `y0` (pixels) to the bottom with a vertical gradient.
fn gradient(cv: &mut Canvas, y0: f32, top: Colour, bottom: Colour) {
    let span = (cv.hf() - y0).max(1.0);
    for y in cv.rows(y0, cv.hf()) {
        let c = mix(top, bottom, (y as f32 - y0) / span);
        let row = y * cv.w;
        cv.px[row..row + cv.w].fill(c);
    }
    // Anti-alias the top edge.
    let edge = y0.floor();
    if edge >= 0.0 && (edge as usize) < cv.h && y0 > edge {
        let w = cv.wf();
        cv.span(edge as usize, 0.0, w, fc(top), 1.0 - (y0 - edge));
    }
}

/// Fills every column from the ridge `ridge(x)` (pixels) down, darkening
/// towards the bottom to `dark` times the colour.
fn fill_under(cv: &mut Canvas, colour: Colour, dark: f32, ridge: impl Fn(f32) -> f32) {
    let c = fc(colour);
    let h = cv.hf();
    for x in 0..cv.w {
        let top = ridge(x as f32 + 0.5).clamp(0.0, h);
        let first = top.floor() as usize;
        for y in first..cv.h {
            let t = (y as f32 - top) / (h - top).max(1.0);
            let k = 1.0 - (1.0 - dark) * t;
            let a = if y == first {
                1.0 - (top - first as f32)
            } else {
                1.0
            };
            cv.blend(x, y, [c[0] * k, c[1] * k, c[2] * k], a);
        }
    }
}

fn draw_mountains(
    cv: &mut Canvas,
    rng: &mut Rng,
    (base, amp, peaks): (f32, f32, u32),
    colour: Colour,
    snow: Colour,
) {
    let (w, h) = (cv.wf(), cv.hf());
    let list: Vec<(f32, f32, f32)> = (0..peaks.max(1))
        .map(|i| {
            let slot = (i as f32 + 0.5) / peaks.max(1) as f32;
            (
                slot + rng.range(-0.08, 0.08),
                amp * rng.range(0.55, 1.0),
                rng.range(0.14, 0.26),
            )
        })
        .collect();
    let rough = [rng.range(0.0, TAU), rng.range(0.0, TAU)];
    let snowline = amp * 0.62;
    let lit = fc(colour);
    let dark = fc(shade(colour, 0.72));
    let snow_lit = fc(snow);
    let snow_dark = fc(shade(snow, 0.82));
    for x in 0..cv.w {
        let u = (x as f32 + 0.5) / w;
        let (mut best, mut facing_away) = (0.0f32, false);
        for &(p, height, half) in &list {
            let v = height * (1.0 - (u - p).abs() / half);
            if v > best {
                best = v;
                facing_away = u > p;
            }
        }
        let r = best + 0.012 * ((u * 31.0 + rough[0]).sin() + 0.5 * (u * 77.0 + rough[1]).sin());
        let top = ((base - r) * h).clamp(0.0, h);
        let snow_end = if r > snowline {
            top + (r - snowline) * h * 0.9 * (1.0 + 0.3 * (u * 53.0).sin())
        } else {
            top
        };
        let first = top.floor() as usize;
        for y in first..cv.h {
            let yf = y as f32;
            let (c, cs) = if facing_away {
                (dark, snow_dark)
            } else {
                (lit, snow_lit)
            };
            let pick = if yf < snow_end { cs } else { c };
            let t = (yf - top) / (h - top).max(1.0);
            let k = 1.0 - 0.2 * t;
            let a = if y == first {
                1.0 - (top - first as f32)
            } else {
                1.0
            };
            cv.blend(x, y, [pick[0] * k, pick[1] * k, pick[2] * k], a);
        }
    }
}

fn draw_house(
    cv: &mut Canvas,
    rng: &mut Rng,
    (x, gy, s): (f32, f32, f32),
    wall: Colour,
    roof: Colour,
    panels: bool,
) {
    let bw = s * rng.range(1.1, 1.7);
    let bh = s * rng.range(0.65, 0.9);
    cv.rect(x, gy - bh, x + bw, gy, wall, 1.0);
    cv.rect(x + bw * 0.8, gy - bh, x + bw, gy, shade(wall, 0.8), 1.0);
    let gable = rng.chance(0.65);
    if gable {
        let peak = bh * rng.range(0.35, 0.5);
        let over = bw * 0.06;
        let (l, r, top) = (
            (x - over, gy - bh),
            (x + bw + over, gy - bh),
            (x + bw * 0.5, gy - bh - peak),
        );
        cv.poly(&[l, top, r], roof, 1.0);
        cv.poly(&[top, r, (x + bw * 0.5, gy - bh)], shade(roof, 0.8), 1.0);
        if panels && rng.chance(0.75) {
            let p = |t: f32, k: f32| {
                (
                    lerp(l.0, top.0, t) + k * bw * 0.2,
                    lerp(l.1, top.1, t) + 1.0,
                )
            };
            cv.poly(
                &[p(0.2, 0.2), p(0.75, 0.2), p(0.75, 1.6), p(0.2, 1.6)],
                [30, 44, 84],
                1.0,
            );
            cv.line(p(0.2, 0.9), p(0.75, 0.9), 1.0, [150, 170, 200], 0.6);
        }
    } else {
        cv.rect(
            x - 2.0,
            gy - bh - s * 0.06,
            x + bw + 2.0,
            gy - bh,
            shade(wall, 0.75),
            1.0,
        );
        if panels {
            for k in 0..3 {
                let px = x + bw * (0.1 + 0.28 * k as f32);
                cv.poly(
                    &[
                        (px, gy - bh - s * 0.06),
                        (px + bw * 0.22, gy - bh - s * 0.06),
                        (px + bw * 0.18, gy - bh - s * 0.22),
                        (px - bw * 0.04, gy - bh - s * 0.22),
                    ],
                    [30, 44, 84],
                    1.0,
                );
            }
        }
    }
    let door = [64, 52, 46];
    let dx = x + bw * rng.range(0.15, 0.55);
    cv.rect(dx, gy - bh * 0.55, dx + bw * 0.16, gy, door, 1.0);
    let win_y = gy - bh * 0.7;
    for k in 0..2 {
        let wx = x + bw * (0.12 + 0.5 * k as f32);
        if (wx - dx).abs() > bw * 0.2 {
            cv.rect(
                wx,
                win_y,
                wx + bw * 0.14,
                win_y + bh * 0.22,
                [50, 56, 66],
                0.9,
            );
        }
    }
}

fn draw_tree(
    cv: &mut Canvas,
    rng: &mut Rng,
    (x, gy, s): (f32, f32, f32),
    kind: Tree,
    colour: Colour,
) {
    let trunk = [84, 64, 50];
    match kind {
        Tree::Round => {
            cv.rect(x - s * 0.04, gy - s * 0.5, x + s * 0.04, gy, trunk, 1.0);
            for _ in 0..7 {
                let (ox, oy) = (rng.range(-0.28, 0.28) * s, rng.range(-0.2, 0.15) * s);
                let r = rng.range(0.18, 0.3) * s;
                let c = shade(colour, rng.range(0.82, 1.12));
                cv.circle(x + ox, gy - s * 0.68 + oy, r, c, 1.0);
            }
        }
        Tree::Acacia => {
            let crown = gy - s * 0.75;
            cv.line((x, gy), (x - s * 0.1, crown), s * 0.05, trunk, 1.0);
            cv.line(
                (x, gy - s * 0.3),
                (x + s * 0.22, crown),
                s * 0.035,
                trunk,
                1.0,
            );
            cv.line(
                (x - s * 0.05, gy - s * 0.45),
                (x - s * 0.3, crown + s * 0.03),
                s * 0.03,
                trunk,
                1.0,
            );
            for _ in 0..6 {
                let ox = rng.range(-0.45, 0.45) * s;
                let c = shade(colour, rng.range(0.85, 1.1));
                cv.ellipse(
                    x + ox,
                    crown - rng.range(0.0, 0.08) * s,
                    s * rng.range(0.2, 0.32),
                    s * 0.07,
                    c,
                    1.0,
                );
            }
        }
        Tree::Palm => {
            let lean = rng.range(-0.25, 0.1) * s;
            let segments = 14;
            let point = |t: f32| (x + lean * t * t, gy - s * t);
            for i in 0..segments {
                let (a, b) = (
                    point(i as f32 / segments as f32),
                    point((i + 1) as f32 / segments as f32),
                );
                cv.line(
                    a,
                    b,
                    s * lerp(0.045, 0.03, i as f32 / segments as f32),
                    shade(trunk, 1.1),
                    1.0,
                );
            }
            let crown = point(1.0);
            for k in 0..9 {
                let a = -PI + k as f32 * PI / 8.0 + rng.range(-0.1, 0.1);
                let len = s * rng.range(0.3, 0.42);
                let mut prev = crown;
                for j in 1..=8 {
                    let t = j as f32 / 8.0;
                    let p = (
                        crown.0 + a.cos() * len * t,
                        crown.1 + a.sin() * len * t * 0.6 + len * 0.5 * t * t,
                    );
                    cv.line(prev, p, s * 0.03 * (1.1 - t), colour, 1.0);
                    prev = p;
                }
            }
            cv.circle(crown.0, crown.1 + s * 0.02, s * 0.03, [110, 90, 50], 1.0);
        }
        Tree::Conifer => {
            cv.rect(x - s * 0.03, gy - s * 0.2, x + s * 0.03, gy, trunk, 1.0);
            for k in 0..3 {
                let base = gy - s * (0.15 + 0.25 * k as f32);
                let half = s * (0.28 - 0.07 * k as f32);
                cv.poly(
                    &[(x - half, base), (x, base - s * 0.4), (x + half, base)],
                    colour,
                    1.0,
                );
            }
        }
    }
}

fn draw_boat(
    cv: &mut Canvas,
    rng: &mut Rng,
    (x, y, len): (f32, f32, f32),
    hull: Colour,
    sail: Option<Colour>,
) {
    let depth = len * 0.12;
    cv.ellipse(x, y + depth * 0.2, len * 0.55, depth * 0.5, [0, 0, 0], 0.18);
    cv.poly(
        &[
            (x - len * 0.5, y - depth * 1.1),
            (x + len * 0.5, y - depth * 1.3),
            (x + len * 0.38, y),
            (x - len * 0.4, y),
        ],
        hull,
        1.0,
    );
    cv.rect(
        x - len * 0.46,
        y - depth * 1.15,
        x + len * 0.47,
        y - depth * 0.95,
        shade(hull, 1.4),
        1.0,
    );
    match sail {
        Some(sail) => {
            let mast = (x - len * 0.05, y - depth);
            let top = (x - len * 0.12, y - len * 0.95);
            cv.line(mast, top, 2.5, [60, 46, 36], 1.0);
            let yard_low = (x - len * 0.45, y - len * 0.4);
            let yard_high = (x + len * 0.35, y - len * 1.05);
            cv.poly(
                &[yard_low, yard_high, (x + len * 0.2, y - depth * 1.5)],
                sail,
                0.95,
            );
            cv.poly(
                &[
                    yard_low,
                    (
                        lerp(yard_low.0, yard_high.0, 0.5),
                        lerp(yard_low.1, yard_high.1, 0.5),
                    ),
                    (x - len * 0.05, y - depth * 1.5),
                ],
                shade(sail, 0.85),
                0.95,
            );
            cv.line(yard_low, yard_high, 2.0, [70, 54, 40], 1.0);
        }
        None => {
            if rng.chance(0.7) {
                let px = x + rng.range(-0.25, 0.2) * len;
                cv.line(
                    (px, y - depth),
                    (px + len * 0.25, y - len * 0.6),
                    2.0,
                    [60, 50, 40],
                    1.0,
                );
            }
        }
    }
}

fn draw_person(
    cv: &mut Canvas,
    rng: &mut Rng,
    (x, gy, tall): (f32, f32, f32),
    clothes: Colour,
    skin: Colour,
) {
    let head_r = tall * 0.085;
    let shoulder_y = gy - tall * 0.8;
    let hip_y = gy - tall * 0.45;
    let sw = tall * 0.13;
    if rng.chance(0.4) {
        cv.poly(
            &[
                (x - sw, shoulder_y),
                (x + sw, shoulder_y),
                (x + sw * 1.25, gy - tall * 0.03),
                (x - sw * 1.25, gy - tall * 0.03),
            ],
            clothes,
            1.0,
        );
    } else {
        let legs = shade(clothes, 0.55);
        cv.poly(
            &[
                (x - sw * 0.9, hip_y),
                (x - sw * 0.1, hip_y),
                (x - sw * 0.2, gy),
                (x - sw * 0.8, gy),
            ],
            legs,
            1.0,
        );
        cv.poly(
            &[
                (x + sw * 0.1, hip_y),
                (x + sw * 0.9, hip_y),
                (x + sw * 0.8, gy),
                (x + sw * 0.2, gy),
            ],
            legs,
            1.0,
        );
        cv.poly(
            &[
                (x - sw, shoulder_y),
                (x + sw, shoulder_y),
                (x + sw * 0.9, hip_y + 2.0),
                (x - sw * 0.9, hip_y + 2.0),
            ],
            clothes,
            1.0,
        );
    }
    cv.ellipse(
        x,
        shoulder_y + tall * 0.02,
        sw * 1.05,
        tall * 0.04,
        clothes,
        1.0,
    );
    cv.line(
        (x - sw, shoulder_y + 2.0),
        (x - sw * 1.2, hip_y),
        tall * 0.05,
        shade(clothes, 0.85),
        1.0,
    );
    cv.line(
        (x + sw, shoulder_y + 2.0),
        (x + sw * 1.2, hip_y),
        tall * 0.05,
        shade(clothes, 0.85),
        1.0,
    );
    cv.rect(
        x - head_r * 0.4,
        shoulder_y - head_r * 0.8,
        x + head_r * 0.4,
        shoulder_y + 1.0,
        skin,
        1.0,
    );
    cv.ellipse(
        x,
        shoulder_y - head_r * 1.6,
        head_r * 0.85,
        head_r,
        skin,
        1.0,
    );
}

fn draw_vehicle(
    cv: &mut Canvas,
    rng: &mut Rng,
    (x, gy, s): (f32, f32, f32),
    kind: Vehicle,
    body: Colour,
) {
    let tyre = [24, 24, 26];
    let hub = [150, 150, 154];
    let glass = [150, 176, 196];
    let wheel = |cv: &mut Canvas, wx: f32, r: f32| {
        cv.circle(wx, gy - r, r, tyre, 1.0);
        cv.circle(wx, gy - r, r * 0.45, hub, 1.0);
    };
    match kind {
        Vehicle::Truck => {
            let (len, tall) = (s, s * 0.5);
            cv.rect(
                x,
                gy - tall,
                x + len * 0.68,
                gy - tall * 0.2,
                shade(body, 0.9),
                1.0,
            );
            cv.rect(
                x + len * 0.7,
                gy - tall * 0.75,
                x + len,
                gy - tall * 0.2,
                body,
                1.0,
            );
            cv.rect(
                x + len * 0.76,
                gy - tall * 0.68,
                x + len * 0.95,
                gy - tall * 0.45,
                glass,
                1.0,
            );
            wheel(cv, x + len * 0.15, tall * 0.2);
            wheel(cv, x + len * 0.5, tall * 0.2);
            wheel(cv, x + len * 0.85, tall * 0.2);
        }
        Vehicle::Car => {
            let (len, tall) = (s, s * 0.36);
            cv.poly(
                &[
                    (x + len * 0.2, gy - tall * 0.6),
                    (x + len * 0.32, gy - tall),
                    (x + len * 0.68, gy - tall),
                    (x + len * 0.82, gy - tall * 0.6),
                ],
                body,
                1.0,
            );
            cv.poly(
                &[
                    (x + len * 0.27, gy - tall * 0.62),
                    (x + len * 0.35, gy - tall * 0.9),
                    (x + len * 0.65, gy - tall * 0.9),
                    (x + len * 0.75, gy - tall * 0.62),
                ],
                glass,
                0.9,
            );
            cv.rect(x, gy - tall * 0.62, x + len, gy - tall * 0.2, body, 1.0);
            cv.rect(
                x,
                gy - tall * 0.34,
                x + len,
                gy - tall * 0.28,
                shade(body, 0.7),
                1.0,
            );
            wheel(cv, x + len * 0.2, tall * 0.22);
            wheel(cv, x + len * 0.8, tall * 0.22);
        }
        Vehicle::Bus => {
            let (len, tall) = (s * 1.6, s * 0.5);
            cv.rect(x, gy - tall, x + len, gy - tall * 0.15, body, 1.0);
            let mut wx = x + len * 0.04;
            while wx < x + len * 0.94 {
                cv.rect(
                    wx,
                    gy - tall * 0.88,
                    wx + len * 0.07,
                    gy - tall * 0.55,
                    [250, 220, 160],
                    0.85,
                );
                wx += len * 0.09;
            }
            wheel(cv, x + len * 0.15, tall * 0.16);
            wheel(cv, x + len * 0.82, tall * 0.16);
        }
        Vehicle::Motorbike => {
            let r = s * 0.17;
            let (back, front) = (x + r, x + s - r);
            cv.poly(
                &[
                    (back, gy - r),
                    (x + s * 0.35, gy - r * 2.2),
                    (x + s * 0.7, gy - r * 2.0),
                    (front, gy - r),
                ],
                body,
                1.0,
            );
            cv.rect(
                x + s * 0.45,
                gy - r * 2.0,
                x + s * 0.72,
                gy - r * 1.2,
                [40, 150, 110],
                1.0,
            );
            wheel(cv, back, r);
            wheel(cv, front, r);
            let rider = [26, 26, 30];
            let seat = (x + s * 0.38, gy - r * 2.3);
            cv.line(seat, (x + s * 0.44, gy - s * 0.85), s * 0.14, rider, 1.0);
            cv.line(
                (x + s * 0.47, gy - s * 0.75),
                (x + s * 0.76, gy - r * 2.6),
                s * 0.05,
                rider,
                1.0,
            );
            cv.circle(
                x + s * 0.47,
                gy - s * 0.95,
                s * 0.09,
                rng.pick(&[[200, 40, 40], [240, 240, 240], [40, 80, 160], [30, 30, 30]]),
                1.0,
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Portraits and emblems
// ---------------------------------------------------------------------------

fn diagonal_gradient(cv: &mut Canvas, [a, b]: [Colour; 2]) {
    let (w, h) = (cv.wf(), cv.hf());
    for y in 0..cv.h {
        for x in 0..cv.w {
            let t = (x as f32 / w) * 0.6 + (y as f32 / h) * 0.4;
            cv.px[y * cv.w + x] = mix(a, b, t);
        }
    }
}

fn draw_portrait(cv: &mut Canvas, p: &Portrait, rng: &mut Rng) {
    let (w, h) = (cv.wf(), cv.hf());
    diagonal_gradient(cv, p.background);
    for _ in 0..9 {
        let (x, y) = (rng.range(0.0, w), rng.range(0.0, h));
        cv.glow(x, y, rng.range(0.06, 0.16) * w, [255, 255, 255], 0.12);
    }
    let cx = (0.5 + p.offset) * w;
    let (hx, hy, rx, ry) = (cx, 0.42 * h, 0.14 * h, 0.18 * h);
    let shadow = [0, 0, 0];
    // Hair that falls behind the shoulders.
    if let Hair::Long = p.style {
        cv.ellipse(hx, hy + ry * 0.35, rx * 1.35, ry * 1.35, p.hair, 1.0);
        cv.rect(
            hx - rx * 1.3,
            hy + ry * 0.3,
            hx + rx * 1.3,
            hy + ry * 2.0,
            p.hair,
            1.0,
        );
    }
    // Shoulders, neck and collar.
    cv.ellipse(cx + 0.02 * w, 1.1 * h, 0.3 * w, 0.43 * h, shadow, 0.25);
    cv.ellipse(cx, 1.08 * h, 0.29 * w, 0.42 * h, p.clothes, 1.0);
    cv.ellipse(
        cx + 0.1 * w,
        1.1 * h,
        0.17 * w,
        0.4 * h,
        shade(p.clothes, 0.85),
        0.6,
    );
    cv.rect(
        cx - 0.045 * h * 1.6,
        hy + ry * 0.6,
        cx + 0.045 * h * 1.6,
        0.74 * h,
        shade(p.skin, 0.85),
        1.0,
    );
    cv.poly(
        &[
            (cx - 0.075 * w, 0.7 * h),
            (cx + 0.075 * w, 0.7 * h),
            (cx, 0.9 * h),
        ],
        p.collar,
        1.0,
    );
    cv.poly(
        &[
            (cx - 0.045 * w, 0.7 * h),
            (cx + 0.045 * w, 0.7 * h),
            (cx, 0.8 * h),
        ],
        shade(p.skin, 0.85),
        1.0,
    );
    // Ears and head.
    cv.ellipse(
        hx - rx * 0.98,
        hy + ry * 0.05,
        rx * 0.16,
        ry * 0.22,
        shade(p.skin, 0.92),
        1.0,
    );
    cv.ellipse(
        hx + rx * 0.98,
        hy + ry * 0.05,
        rx * 0.16,
        ry * 0.22,
        shade(p.skin, 0.92),
        1.0,
    );
    match p.style {
        Hair::Short | Hair::Bun => {
            cv.ellipse(hx, hy - ry * 0.14, rx * 1.06, ry * 0.96, p.hair, 1.0);
        }
        Hair::Curly => {
            for k in 0..16 {
                let a = PI + k as f32 * PI / 15.0;
                cv.circle(
                    hx + a.cos() * rx * 0.95,
                    hy - ry * 0.1 + a.sin() * ry * 0.95,
                    rx * 0.3,
                    p.hair,
                    1.0,
                );
            }
            cv.ellipse(hx, hy - ry * 0.2, rx * 1.05, ry * 0.9, p.hair, 1.0);
            for side in [-1.0, 1.0] {
                cv.circle(hx + side * rx * 1.1, hy + ry * 0.3, rx * 0.3, p.hair, 1.0);
            }
        }
        Hair::Cropped => {
            cv.ellipse(hx, hy - ry * 0.08, rx * 1.02, ry * 0.96, p.hair, 1.0);
        }
        Hair::Long | Hair::Wrap => {}
    }
    let face_top = match p.style {
        Hair::Cropped => 0.06,
        Hair::Long | Hair::Wrap => 0.0,
        _ => 0.12,
    };
    cv.ellipse(
        hx,
        hy + ry * face_top,
        rx * (1.0 - face_top * 0.4),
        ry * (1.0 - face_top * 0.5),
        p.skin,
        1.0,
    );
    cv.ellipse(
        hx + rx * 0.45,
        hy + ry * 0.1,
        rx * 0.55,
        ry * 0.85,
        shadow,
        0.1,
    );
    match p.style {
        Hair::Long => {
            cv.poly(
                &[
                    (hx - rx * 1.05, hy),
                    (hx - rx * 0.9, hy - ry * 0.8),
                    (hx, hy - ry * 1.08),
                    (hx + rx * 0.9, hy - ry * 0.8),
                    (hx + rx * 1.05, hy),
                    (hx + rx * 0.6, hy - ry * 0.55),
                    (hx - rx * 0.2, hy - ry * 0.62),
                    (hx - rx * 0.8, hy - ry * 0.3),
                ],
                p.hair,
                1.0,
            );
        }
        Hair::Bun => {
            cv.circle(hx + rx * 0.2, hy - ry * 1.15, rx * 0.45, p.hair, 1.0);
        }
        Hair::Wrap => {
            let wrap = shade(p.clothes, 1.5);
            cv.ellipse(hx, hy - ry * 0.55, rx * 1.18, ry * 0.75, wrap, 1.0);
            cv.ellipse(
                hx + rx * 0.25,
                hy - ry * 1.15,
                rx * 0.85,
                ry * 0.4,
                wrap,
                1.0,
            );
            for k in 0..4 {
                let yy = hy - ry * (0.25 + 0.28 * k as f32);
                cv.line(
                    (hx - rx * 0.8, yy),
                    (hx + rx * 0.8, yy - ry * 0.2),
                    3.0,
                    p.collar,
                    0.5,
                );
            }
        }
        _ => {}
    }
    if p.glasses {
        let frame = [30, 28, 30];
        for side in [-1.0, 1.0] {
            let (gx, gy) = (hx + side * rx * 0.42, hy + ry * 0.05);
            cv.ellipse(gx, gy, rx * 0.34, ry * 0.2, frame, 1.0);
            cv.ellipse(
                gx,
                gy,
                rx * 0.27,
                ry * 0.14,
                mix_u8(p.skin, [220, 230, 240], 0.35),
                1.0,
            );
        }
        cv.line(
            (hx - rx * 0.1, hy + ry * 0.02),
            (hx + rx * 0.1, hy + ry * 0.02),
            3.0,
            frame,
            1.0,
        );
    }
}

fn mix_u8(a: Colour, b: Colour, t: f32) -> Colour {
    let m = mix(a, b, t);
    [m[0] as u8, m[1] as u8, m[2] as u8]
}

fn draw_emblem(cv: &mut Canvas, emblem: &Emblem, rng: &mut Rng) {
    let (w, h) = (cv.wf(), cv.hf());
    match *emblem {
        Emblem::Waves {
            background,
            fg,
            accent,
        } => {
            diagonal_gradient(cv, background);
            let centre = (0.5 * w, 0.5 * h);
            cv.glow(centre.0, centre.1, 0.45 * w, accent, 0.12);
            cv.circle(centre.0, centre.1, 0.05 * h, accent, 1.0);
            for k in 1..=4 {
                let r = 0.1 * h * k as f32 + 0.02 * h;
                let thick = 0.03 * h;
                let spread = 0.55 - 0.05 * k as f32;
                cv.arc(centre, r, thick, (-spread, spread), fg);
                cv.arc(centre, r, thick, (PI - spread, PI), fg);
                cv.arc(centre, r, thick, (-PI, -PI + spread), fg);
            }
            for _ in 0..40 {
                let (x, y) = (rng.range(0.0, w), rng.range(0.0, h));
                cv.circle(x, y, rng.range(1.0, 2.5), fg, 0.12);
            }
        }
        Emblem::Bars {
            background,
            fg,
            accent,
        } => {
            diagonal_gradient(cv, background);
            let grid = shade(fg, 0.45);
            for k in 1..6 {
                let y = h * (0.15 + 0.14 * k as f32);
                cv.rect(0.14 * w, y, 0.86 * w, y + 1.0, grid, 0.5);
            }
            let heights = [0.22, 0.34, 0.3, 0.46, 0.58, 0.66];
            let mut points = Vec::new();
            for (i, v) in heights.iter().enumerate() {
                let x = w * (0.17 + 0.115 * i as f32);
                let top = h * (0.85 - v);
                cv.rect(x, top, x + 0.075 * w, 0.85 * h, fg, 1.0);
                cv.rect(
                    x + 0.055 * w,
                    top,
                    x + 0.075 * w,
                    0.85 * h,
                    shade(fg, 0.8),
                    1.0,
                );
                points.push((x + 0.0375 * w, top - 0.08 * h + rng.range(-0.02, 0.02) * h));
            }
            for pair in points.windows(2) {
                cv.line(pair[0], pair[1], 5.0, accent, 1.0);
            }
            for &(x, y) in &points {
                cv.circle(x, y, 9.0, accent, 1.0);
                cv.circle(x, y, 4.0, background[1], 1.0);
            }
            cv.rect(
                0.14 * w,
                0.85 * h,
                0.86 * w,
                0.85 * h + 3.0,
                shade(fg, 0.9),
                1.0,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use image::GenericImageView;

    fn content_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/content")
    }

    /// Every `images/….jpg` or `images/….png` named in the content's .md and .toml files.
    fn referenced_images(dir: &Path, found: &mut BTreeSet<String>) {
        let entries = std::fs::read_dir(dir).expect("the demo content folder is readable");
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                referenced_images(&path, found);
                continue;
            }
            let wanted = path.extension().is_some_and(|e| e == "md" || e == "toml");
            if !wanted {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("content files are UTF-8");
            let mut rest = text.as_str();
            while let Some(at) = rest.find("images/") {
                let tail = &rest[at..];
                let end = tail
                    .find(|c: char| !(c.is_ascii_alphanumeric() || "-_./".contains(c)))
                    .unwrap_or(tail.len());
                let candidate = tail[..end].trim_end_matches('.');
                if candidate.ends_with(".jpg") || candidate.ends_with(".png") {
                    found.insert(candidate.to_owned());
                }
                rest = &tail["images/".len()..];
            }
        }
    }

    #[test]
    fn every_referenced_image_is_written_at_16_by_9() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        write_demo_images(dir.path()).expect("demo images are written");
        let mut referenced = BTreeSet::new();
        referenced_images(&content_root(), &mut referenced);
        assert!(
            referenced.len() >= 20,
            "only {} images referenced",
            referenced.len()
        );
        for path in &referenced {
            let file = dir.path().join(path);
            let picture = image::open(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
            let (w, h) = picture.dimensions();
            let expected = if path.starts_with("images/contributor-") {
                PHOTO_SIZE
            } else {
                SCENE_SIZE
            };
            assert_eq!((w, h), expected, "{path}");
            assert_eq!(w * 9, h * 16, "{path} is not 16:9");
        }
        // Nothing is drawn that the content does not use.
        for (name, _) in PICTURES {
            assert!(
                referenced.contains(&format!("images/{name}")),
                "{name} is not used by the content"
            );
        }
    }

    #[test]
    fn names_are_unique_and_output_is_reproducible() {
        let names: BTreeSet<_> = PICTURES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), PICTURES.len());
        let (name, picture) = &PICTURES[0];
        assert_eq!(render(name, picture), render(name, picture));
    }
}
