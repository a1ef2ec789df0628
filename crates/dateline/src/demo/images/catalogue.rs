//! The recipe for every picture the demo content uses.

use super::emblems::Emblem;
use super::layers::*;
use super::palettes::*;
use super::portraits::{Hair, Portrait};
use super::trees::Tree;
use super::vehicles::Vehicle;

/// How a picture is drawn.
pub(super) enum Picture {
    /// Layers drawn back to front on a 1200×675 canvas.
    Scene(&'static [Layer]),
    Portrait(Portrait),
    Emblem(Emblem),
}

/// Every picture the demo content uses, by file name under `images/`.
#[rustfmt::skip]
pub(super) const PICTURES: &[(&str, Picture)] = &[
    // ---- World ----------------------------------------------------------
    (
        "lead-floods-nyando.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [92, 100, 112], bottom: [176, 180, 182] }),
            Layer::Clouds(Clouds { y: 0.12, count: 9, colour: [70, 76, 88], alpha: 0.55 }),
            Layer::Hills(Hills { base: 0.46, amp: 0.05, freq: 1.3, colour: [112, 128, 126] }),
            Layer::Hills(Hills { base: 0.53, amp: 0.03, freq: 2.1, colour: [84, 106, 92] }),
            Layer::Trees(Trees { ground: 0.6, x0: 0.0, x1: 1.0, count: 9, size: 0.1, kind: Tree::Round, colour: [58, 84, 60] }),
            Layer::Houses(Houses { ground: 0.7, x0: 0.05, x1: 0.9, count: 7, size: 0.13, walls: MUD_WALLS, roof: [128, 96, 74], panels: false }),
            Layer::Water(Water { level: 0.65, top: [150, 132, 104], bottom: [104, 88, 66], ripple: [186, 170, 140], glint: -1.0 }),
            Layer::Boats(Boats { y0: 0.72, y1: 0.9, x0: 0.2, x1: 0.8, count: 2, size: 0.2, hull: [70, 52, 40], sail: None }),
            Layer::People(People { ground: 0.8, x0: 0.38, x1: 0.44, count: 2, height: 0.12, clothes: WORK_CLOTHES, skin: [70, 48, 36] }),
            Layer::Rain(Rain { count: 700, colour: [220, 224, 230], alpha: 0.22 }),
            Layer::Haze(Haze { y0: 0.3, y1: 0.66, colour: [180, 184, 188], from: 0.0, to: 0.25 }),
            Layer::Vignette(Vignette { strength: 0.25 }),
        ]),
    ),
    (
        "inline-nyando-boats.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [128, 146, 164], bottom: [214, 212, 200] }),
            Layer::Clouds(Clouds { y: 0.16, count: 6, colour: [236, 236, 232], alpha: 0.5 }),
            Layer::Hills(Hills { base: 0.42, amp: 0.04, freq: 1.0, colour: [120, 140, 132] }),
            Layer::Trees(Trees { ground: 0.5, x0: 0.0, x1: 1.0, count: 12, size: 0.08, kind: Tree::Round, colour: [70, 100, 70] }),
            Layer::Houses(Houses { ground: 0.53, x0: 0.5, x1: 0.95, count: 4, size: 0.07, walls: MUD_WALLS, roof: [140, 110, 86], panels: false }),
            Layer::Water(Water { level: 0.5, top: [166, 150, 118], bottom: [110, 94, 70], ripple: [200, 190, 160], glint: -1.0 }),
            Layer::Boats(Boats { y0: 0.62, y1: 0.86, x0: 0.15, x1: 0.8, count: 3, size: 0.26, hull: [62, 46, 36], sail: None }),
            Layer::People(People { ground: 0.74, x0: 0.3, x1: 0.62, count: 4, height: 0.13, clothes: BRIGHT_CLOTHES, skin: [70, 48, 36] }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "inline-nyando-camp.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [120, 150, 182], bottom: [220, 222, 214] }),
            Layer::Clouds(Clouds { y: 0.14, count: 7, colour: [240, 240, 238], alpha: 0.6 }),
            Layer::Hills(Hills { base: 0.4, amp: 0.04, freq: 1.6, colour: [110, 132, 118] }),
            Layer::Ground(Ground { level: 0.5, top: [150, 150, 100], bottom: [120, 108, 70] }),
            Layer::Houses(Houses { ground: 0.5, x0: 0.55, x1: 0.85, count: 2, size: 0.14, walls: CONCRETE_WALLS, roof: [110, 70, 60], panels: false }),
            Layer::Trees(Trees { ground: 0.5, x0: 0.0, x1: 0.5, count: 4, size: 0.14, kind: Tree::Round, colour: [64, 96, 62] }),
            Layer::Tents(Tents { ground: 0.62, x0: 0.0, x1: 0.95, count: 9, size: 0.09, colours: TARPAULINS }),
            Layer::Tents(Tents { ground: 0.8, x0: -0.05, x1: 0.9, count: 6, size: 0.15, colours: TARPAULINS }),
            Layer::People(People { ground: 0.92, x0: 0.1, x1: 0.9, count: 6, height: 0.2, clothes: BRIGHT_CLOTHES, skin: [70, 48, 36] }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-tamale-election.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [170, 186, 196], bottom: [236, 214, 176] }),
            Layer::Sun(Sun { x: 0.82, y: 0.16, r: 0.05, colour: [255, 240, 206], glow: 0.35 }),
            Layer::Ground(Ground { level: 0.58, top: [204, 150, 100], bottom: [176, 118, 76] }),
            Layer::Trees(Trees { ground: 0.58, x0: 0.0, x1: 0.25, count: 2, size: 0.34, kind: Tree::Round, colour: [70, 96, 56] }),
            Layer::Houses(Houses { ground: 0.6, x0: 0.3, x1: 0.45, count: 2, size: 0.2, walls: &[[234, 220, 190]], roof: [150, 90, 70], panels: false }),
            Layer::Trees(Trees { ground: 0.6, x0: 0.78, x1: 1.0, count: 2, size: 0.3, kind: Tree::Round, colour: [80, 104, 60] }),
            Layer::People(People { ground: 0.8, x0: 0.04, x1: 0.96, count: 16, height: 0.22, clothes: BRIGHT_CLOTHES, skin: [60, 40, 30] }),
            Layer::Haze(Haze { y0: 0.0, y1: 0.6, colour: [230, 200, 160], from: 0.15, to: 0.3 }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-mustang-road.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [34, 84, 156], bottom: [150, 188, 220] }),
            Layer::Mountains(Mountains { base: 0.5, amp: 0.36, peaks: 5, colour: [120, 110, 110], snow: [246, 248, 252] }),
            Layer::Hills(Hills { base: 0.6, amp: 0.07, freq: 1.2, colour: [164, 128, 94] }),
            Layer::Hills(Hills { base: 0.72, amp: 0.05, freq: 0.8, colour: [140, 106, 78] }),
            Layer::Road(Road { horizon: 0.6, x: 0.55, colour: [96, 84, 76], edge: [176, 160, 140] }),
            Layer::Vehicles(Vehicles { ground: 0.78, x0: 0.5, x1: 0.62, count: 1, size: 0.12, kind: Vehicle::Truck, colours: TRUCKS }),
            Layer::Vehicles(Vehicles { ground: 0.7, x0: 0.56, x1: 0.62, count: 1, size: 0.06, kind: Vehicle::Truck, colours: TRUCKS }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-bogota-cable-car.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [110, 152, 196], bottom: [214, 220, 222] }),
            Layer::Clouds(Clouds { y: 0.12, count: 8, colour: [246, 246, 244], alpha: 0.55 }),
            Layer::Hills(Hills { base: 0.3, amp: 0.08, freq: 0.9, colour: [70, 104, 84] }),
            Layer::Hillside(Hillside { x0: -0.05, y0: 0.36, x1: 1.05, y1: 0.62, depth: 0.5, count: 420, size: 0.045, walls: BRICK_WALLS }),
            Layer::Cable(Cable { x0: -0.05, y0: 0.75, x1: 1.05, y1: 0.22, cabins: 6, colour: [40, 40, 44], cabin: [214, 60, 50] }),
            Layer::Haze(Haze { y0: 0.2, y1: 0.5, colour: [210, 216, 220], from: 0.3, to: 0.0 }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    // ---- Climate & Science ----------------------------------------------
    (
        "lead-sahel-rainfall.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [196, 190, 176], bottom: [240, 220, 184] }),
            Layer::Sun(Sun { x: 0.3, y: 0.2, r: 0.06, colour: [255, 244, 214], glow: 0.45 }),
            Layer::Ground(Ground { level: 0.55, top: [214, 172, 120], bottom: [186, 138, 92] }),
            Layer::Furrows(Furrows { top: 0.55, colour: [150, 110, 74], rows: 18 }),
            Layer::Trees(Trees { ground: 0.56, x0: 0.05, x1: 0.95, count: 4, size: 0.2, kind: Tree::Acacia, colour: [96, 104, 60] }),
            Layer::People(People { ground: 0.84, x0: 0.62, x1: 0.7, count: 2, height: 0.24, clothes: WORK_CLOTHES, skin: [60, 40, 30] }),
            Layer::Haze(Haze { y0: 0.3, y1: 0.62, colour: [236, 210, 170], from: 0.1, to: 0.45 }),
            Layer::Vignette(Vignette { strength: 0.25 }),
        ]),
    ),
    (
        "lead-zanzibar-seaweed.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [70, 146, 214], bottom: [204, 228, 240] }),
            Layer::Clouds(Clouds { y: 0.2, count: 5, colour: [252, 252, 250], alpha: 0.7 }),
            Layer::Water(Water { level: 0.42, top: [60, 164, 184], bottom: [120, 212, 200], ripple: [200, 240, 236], glint: -1.0 }),
            Layer::Stakes(Stakes { top: 0.46, bottom: 0.86, rows: 9, colour: [96, 74, 52], weed: [116, 96, 40] }),
            Layer::People(People { ground: 0.7, x0: 0.35, x1: 0.6, count: 3, height: 0.16, clothes: BRIGHT_CLOTHES, skin: [70, 46, 34] }),
            Layer::Ground(Ground { level: 0.9, top: [236, 222, 190], bottom: [222, 206, 170] }),
            Layer::Trees(Trees { ground: 0.95, x0: 0.82, x1: 0.95, count: 2, size: 0.62, kind: Tree::Palm, colour: [54, 104, 56] }),
            Layer::Vignette(Vignette { strength: 0.15 }),
        ]),
    ),
    (
        "lead-delhi-air.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [170, 164, 150], bottom: [214, 196, 166] }),
            Layer::Sun(Sun { x: 0.62, y: 0.3, r: 0.045, colour: [240, 200, 150], glow: 0.2 }),
            Layer::Skyline(Skyline { ground: 0.62, x0: -0.02, x1: 1.02, min_h: 0.08, max_h: 0.28, colour: [128, 120, 112], lit: [200, 184, 150], lit_share: 0.1 }),
            Layer::Haze(Haze { y0: 0.0, y1: 0.62, colour: [206, 190, 160], from: 0.25, to: 0.55 }),
            Layer::Ground(Ground { level: 0.62, top: [110, 104, 98], bottom: [84, 80, 76] }),
            Layer::Trees(Trees { ground: 0.64, x0: 0.0, x1: 1.0, count: 7, size: 0.14, kind: Tree::Round, colour: [84, 96, 70] }),
            Layer::Vehicles(Vehicles { ground: 0.8, x0: 0.0, x1: 0.95, count: 6, size: 0.09, kind: Vehicle::Car, colours: CARS }),
            Layer::Vehicles(Vehicles { ground: 0.9, x0: 0.05, x1: 0.9, count: 3, size: 0.08, kind: Vehicle::Motorbike, colours: BIKES }),
            Layer::Haze(Haze { y0: 0.6, y1: 1.0, colour: [196, 180, 150], from: 0.35, to: 0.1 }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-flow-country-peat.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [104, 126, 150], bottom: [206, 208, 210] }),
            Layer::Clouds(Clouds { y: 0.14, count: 10, colour: [232, 232, 234], alpha: 0.55 }),
            Layer::Hills(Hills { base: 0.44, amp: 0.05, freq: 0.7, colour: [104, 112, 120] }),
            Layer::Turbines(Turbines { ground: 0.45, x0: 0.1, x1: 0.35, count: 4, height: 0.1, colour: [220, 224, 228] }),
            Layer::Hills(Hills { base: 0.5, amp: 0.015, freq: 1.4, colour: [122, 108, 80] }),
            Layer::Trees(Trees { ground: 0.5, x0: 0.55, x1: 0.7, count: 14, size: 0.05, kind: Tree::Conifer, colour: [52, 70, 56] }),
            Layer::Ground(Ground { level: 0.52, top: [134, 112, 78], bottom: [96, 76, 52] }),
            Layer::Pools(Pools { top: 0.54, bottom: 0.95, count: 18, colour: [176, 190, 204] }),
            Layer::Mast(Mast { x: 0.78, ground: 0.62, height: 0.16, colour: [70, 70, 76] }),
            Layer::Vignette(Vignette { strength: 0.25 }),
        ]),
    ),
    // ---- Business & Technology ------------------------------------------
    (
        "lead-kampala-mobile-money.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [96, 160, 214], bottom: [212, 222, 226] }),
            Layer::Clouds(Clouds { y: 0.12, count: 6, colour: [250, 250, 250], alpha: 0.6 }),
            Layer::Hills(Hills { base: 0.32, amp: 0.07, freq: 1.1, colour: [84, 124, 90] }),
            Layer::Hillside(Hillside { x0: -0.05, y0: 0.32, x1: 1.05, y1: 0.34, depth: 0.18, count: 240, size: 0.03, walls: CONCRETE_WALLS }),
            Layer::Ground(Ground { level: 0.55, top: [160, 120, 90], bottom: [130, 96, 72] }),
            Layer::Stalls(Stalls { ground: 0.72, x0: -0.02, x1: 1.0, count: 7, canopies: CANOPIES }),
            Layer::People(People { ground: 0.96, x0: 0.05, x1: 0.95, count: 7, height: 0.3, clothes: BRIGHT_CLOTHES, skin: [66, 44, 32] }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-mertola-solar.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [70, 136, 206], bottom: [214, 226, 236] }),
            Layer::Sun(Sun { x: 0.14, y: 0.14, r: 0.04, colour: [255, 250, 230], glow: 0.4 }),
            Layer::Hills(Hills { base: 0.4, amp: 0.08, freq: 0.8, colour: [150, 148, 100] }),
            Layer::Trees(Trees { ground: 0.46, x0: 0.0, x1: 1.0, count: 10, size: 0.06, kind: Tree::Round, colour: [110, 120, 76] }),
            Layer::Houses(Houses { ground: 0.66, x0: -0.05, x1: 1.0, count: 9, size: 0.12, walls: WHITE_WALLS, roof: [180, 96, 66], panels: true }),
            Layer::Houses(Houses { ground: 0.86, x0: -0.05, x1: 0.95, count: 5, size: 0.18, walls: WHITE_WALLS, roof: [170, 88, 60], panels: true }),
            Layer::Ground(Ground { level: 0.88, top: [176, 160, 130], bottom: [150, 134, 108] }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "inline-mertola-array.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [88, 146, 210], bottom: [220, 228, 234] }),
            Layer::Clouds(Clouds { y: 0.1, count: 4, colour: [252, 252, 250], alpha: 0.6 }),
            Layer::Hills(Hills { base: 0.36, amp: 0.06, freq: 1.1, colour: [160, 150, 104] }),
            Layer::Houses(Houses { ground: 0.42, x0: 0.55, x1: 0.95, count: 6, size: 0.05, walls: WHITE_WALLS, roof: [180, 96, 66], panels: false }),
            Layer::Ground(Ground { level: 0.44, top: [190, 170, 120], bottom: [160, 140, 96] }),
            Layer::Panels(Panels { top: 0.48, bottom: 0.96, x0: 0.05, x1: 0.95, rows: 6, colour: [34, 54, 96], frame: [190, 196, 204] }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-walvis-bay-port.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [110, 164, 210], bottom: [226, 224, 214] }),
            Layer::Hills(Hills { base: 0.42, amp: 0.06, freq: 1.4, colour: [226, 176, 120] }),
            Layer::Water(Water { level: 0.5, top: [70, 110, 140], bottom: [50, 86, 112], ripple: [150, 180, 200], glint: -1.0 }),
            Layer::Ship(Ship { x: 0.5, y: 0.6, length: 0.62, hull: [40, 50, 70], cargo: CONTAINERS }),
            Layer::Ground(Ground { level: 0.66, top: [160, 158, 152], bottom: [130, 128, 124] }),
            Layer::Cranes(Cranes { ground: 0.68, x0: 0.25, x1: 0.72, count: 3, colour: [80, 140, 190] }),
            Layer::Containers(Containers { ground: 0.92, x0: -0.02, x1: 1.02, size: 0.06, palette: CONTAINERS }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "inline-walvis-bay-boats.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [150, 176, 198], bottom: [232, 228, 220] }),
            Layer::Clouds(Clouds { y: 0.2, count: 5, colour: [236, 236, 236], alpha: 0.5 }),
            Layer::Hills(Hills { base: 0.44, amp: 0.05, freq: 1.0, colour: [222, 184, 138] }),
            Layer::Water(Water { level: 0.5, top: [96, 130, 150], bottom: [60, 94, 116], ripple: [170, 196, 210], glint: -1.0 }),
            Layer::Boats(Boats { y0: 0.6, y1: 0.88, x0: 0.1, x1: 0.9, count: 4, size: 0.22, hull: [190, 60, 50], sail: None }),
            Layer::Haze(Haze { y0: 0.3, y1: 0.55, colour: [236, 236, 236], from: 0.0, to: 0.35 }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-jakarta-battery-swap.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [52, 56, 104], bottom: [240, 150, 100] }),
            Layer::Sun(Sun { x: 0.2, y: 0.52, r: 0.05, colour: [255, 200, 130], glow: 0.4 }),
            Layer::Skyline(Skyline { ground: 0.62, x0: -0.02, x1: 1.02, min_h: 0.12, max_h: 0.46, colour: [44, 44, 66], lit: [255, 214, 140], lit_share: 0.3 }),
            Layer::Ground(Ground { level: 0.62, top: [60, 58, 70], bottom: [40, 38, 46] }),
            Layer::Stalls(Stalls { ground: 0.74, x0: 0.62, x1: 0.98, count: 2, canopies: &[[40, 160, 120], [40, 140, 110]] }),
            Layer::Vehicles(Vehicles { ground: 0.86, x0: 0.0, x1: 0.95, count: 7, size: 0.1, kind: Vehicle::Motorbike, colours: BIKES }),
            Layer::Vehicles(Vehicles { ground: 0.72, x0: 0.0, x1: 0.6, count: 2, size: 0.12, kind: Vehicle::Bus, colours: &[[40, 110, 170], [200, 80, 50]] }),
            Layer::Vignette(Vignette { strength: 0.3 }),
        ]),
    ),
    // ---- Culture ---------------------------------------------------------
    (
        "lead-dakar-film-festival.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [8, 12, 36], bottom: [42, 44, 84] }),
            Layer::Stars(Stars { count: 260 }),
            Layer::Water(Water { level: 0.56, top: [26, 32, 60], bottom: [16, 20, 40], ripple: [70, 80, 120], glint: -1.0 }),
            Layer::Ground(Ground { level: 0.62, top: [40, 36, 40], bottom: [26, 24, 28] }),
            Layer::Screen(Screen { x0: 0.24, y0: 0.12, x1: 0.76, y1: 0.5, light: [236, 190, 120] }),
            Layer::People(People { ground: 0.86, x0: 0.0, x1: 1.0, count: 14, height: 0.24, clothes: NIGHT_CLOTHES, skin: [20, 18, 24] }),
            Layer::People(People { ground: 1.04, x0: -0.02, x1: 1.0, count: 10, height: 0.34, clothes: NIGHT_CLOTHES, skin: [12, 12, 16] }),
            Layer::Vignette(Vignette { strength: 0.35 }),
        ]),
    ),
    (
        "lead-mindelo-radio-archive.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [84, 150, 206], bottom: [222, 224, 220] }),
            Layer::Mountains(Mountains { base: 0.46, amp: 0.22, peaks: 4, colour: [150, 110, 90], snow: [150, 110, 90] }),
            Layer::Houses(Houses { ground: 0.52, x0: 0.0, x1: 0.5, count: 10, size: 0.06, walls: PASTEL_WALLS, roof: [170, 96, 70], panels: false }),
            Layer::Mast(Mast { x: 0.2, ground: 0.5, height: 0.34, colour: [200, 60, 50] }),
            Layer::Water(Water { level: 0.54, top: [40, 110, 160], bottom: [30, 80, 126], ripple: [150, 200, 226], glint: -1.0 }),
            Layer::Boats(Boats { y0: 0.62, y1: 0.86, x0: 0.3, x1: 0.9, count: 3, size: 0.16, hull: [236, 236, 230], sail: None }),
            Layer::Vignette(Vignette { strength: 0.2 }),
        ]),
    ),
    (
        "lead-tbilisi-mosaics.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [150, 176, 200], bottom: [210, 214, 214] }),
            Layer::Skyline(Skyline { ground: 0.9, x0: -0.02, x1: 1.02, min_h: 0.86, max_h: 0.88, colour: [176, 168, 156], lit: [120, 130, 140], lit_share: 0.0 }),
            Layer::Mosaic(Mosaic { x0: 0.08, y0: 0.08, x1: 0.92, y1: 0.78, tile: 0.042, palette: GEORGIAN_TILES, grout: [214, 206, 190], missing: 0.07 }),
            Layer::Ground(Ground { level: 0.88, top: [120, 116, 110], bottom: [96, 92, 88] }),
            Layer::People(People { ground: 0.98, x0: 0.7, x1: 0.74, count: 1, height: 0.36, clothes: WORK_CLOTHES, skin: LIGHT_SKIN }),
            Layer::Vignette(Vignette { strength: 0.25 }),
        ]),
    ),
    (
        "lead-lamu-poetry.jpg",
        Picture::Scene(&[
            Layer::Sky(Sky { top: [98, 86, 130], bottom: [250, 178, 110] }),
            Layer::Sun(Sun { x: 0.66, y: 0.44, r: 0.06, colour: [255, 226, 160], glow: 0.5 }),
            Layer::Houses(Houses { ground: 0.5, x0: -0.05, x1: 0.55, count: 12, size: 0.07, walls: WHITE_WALLS, roof: [120, 90, 80], panels: false }),
            Layer::Trees(Trees { ground: 0.5, x0: 0.02, x1: 0.5, count: 4, size: 0.16, kind: Tree::Palm, colour: [48, 60, 50] }),
            Layer::Haze(Haze { y0: 0.3, y1: 0.5, colour: [250, 190, 130], from: 0.0, to: 0.35 }),
            Layer::Water(Water { level: 0.5, top: [210, 150, 110], bottom: [90, 80, 100], ripple: [255, 210, 150], glint: 0.66 }),
            Layer::Boats(Boats { y0: 0.6, y1: 0.84, x0: 0.1, x1: 0.9, count: 3, size: 0.22, hull: [50, 40, 44], sail: Some([240, 226, 200]) }),
            Layer::Vignette(Vignette { strength: 0.3 }),
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
