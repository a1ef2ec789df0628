//! Figures that layers scatter over a scene: houses, boats and people.
//! Each is placed by a point on the ground or waterline and a size, in pixels.

use super::canvas::Canvas;
use super::colour::{Colour, lerp, shade};
use super::rng::Rng;

/// The dark blue of rooftop solar panels.
const SOLAR: Colour = [30, 44, 84];

/// A house of size `s`, its left wall at `x` and its foot on `gy`.
pub(super) fn draw_house(
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
        draw_gable_roof(cv, rng, (x, gy, bw, bh), roof, panels);
    } else {
        draw_flat_roof(cv, (x, gy, bw, bh), s, wall, panels);
    }
    let door = [64, 52, 46];
    let dx = x + bw * rng.range(0.15, 0.55);
    cv.rect(dx, gy - bh * 0.55, dx + bw * 0.16, gy, door, 1.0);
    let win_y = gy - bh * 0.7;
    for k in 0..2 {
        let wx = x + bw * (0.12 + 0.5 * k as f32);
        if (wx - dx).abs() > bw * 0.2 {
            cv.rect(wx, win_y, wx + bw * 0.14, win_y + bh * 0.22, [50, 56, 66], 0.9);
        }
    }
}

/// A pitched roof over the wall `bw` wide and `bh` high, maybe with panels.
fn draw_gable_roof(cv: &mut Canvas, rng: &mut Rng, (x, gy, bw, bh): (f32, f32, f32, f32), roof: Colour, panels: bool) {
    let peak = bh * rng.range(0.35, 0.5);
    let over = bw * 0.06;
    let (l, r, top) = ((x - over, gy - bh), (x + bw + over, gy - bh), (x + bw * 0.5, gy - bh - peak));
    cv.poly(&[l, top, r], roof, 1.0);
    cv.poly(&[top, r, (x + bw * 0.5, gy - bh)], shade(roof, 0.8), 1.0);
    if panels && rng.chance(0.75) {
        let p = |t: f32, k: f32| (lerp(l.0, top.0, t) + k * bw * 0.2, lerp(l.1, top.1, t) + 1.0);
        cv.poly(&[p(0.2, 0.2), p(0.75, 0.2), p(0.75, 1.6), p(0.2, 1.6)], SOLAR, 1.0);
        cv.line(p(0.2, 0.9), p(0.75, 0.9), 1.0, [150, 170, 200], 0.6);
    }
}

/// A flat roof's parapet over the wall `bw` wide and `bh` high; a house of
/// size `s` with `panels` gets three tilted panels on it.
fn draw_flat_roof(cv: &mut Canvas, (x, gy, bw, bh): (f32, f32, f32, f32), s: f32, wall: Colour, panels: bool) {
    cv.rect(x - 2.0, gy - bh - s * 0.06, x + bw + 2.0, gy - bh, shade(wall, 0.75), 1.0);
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
                SOLAR,
                1.0,
            );
        }
    }
}

/// A boat `len` long centred on `x`, floating on the waterline `y`: with a
/// `sail`, a lateen rig; without, often a pole.
pub(super) fn draw_boat(
    cv: &mut Canvas,
    rng: &mut Rng,
    (x, y, len): (f32, f32, f32),
    hull: Colour,
    sail: Option<Colour>,
) {
    let depth = len * 0.12;
    cv.ellipse(x, y + depth * 0.2, len * 0.55, depth * 0.5, [0, 0, 0], 0.18);
    cv.poly(
        &[(x - len * 0.5, y - depth * 1.1), (x + len * 0.5, y - depth * 1.3), (x + len * 0.38, y), (x - len * 0.4, y)],
        hull,
        1.0,
    );
    cv.rect(x - len * 0.46, y - depth * 1.15, x + len * 0.47, y - depth * 0.95, shade(hull, 1.4), 1.0);
    match sail {
        Some(sail) => {
            let mast = (x - len * 0.05, y - depth);
            let top = (x - len * 0.12, y - len * 0.95);
            cv.line(mast, top, 2.5, [60, 46, 36], 1.0);
            let yard_low = (x - len * 0.45, y - len * 0.4);
            let yard_high = (x + len * 0.35, y - len * 1.05);
            cv.poly(&[yard_low, yard_high, (x + len * 0.2, y - depth * 1.5)], sail, 0.95);
            cv.poly(
                &[
                    yard_low,
                    (lerp(yard_low.0, yard_high.0, 0.5), lerp(yard_low.1, yard_high.1, 0.5)),
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
                cv.line((px, y - depth), (px + len * 0.25, y - len * 0.6), 2.0, [60, 50, 40], 1.0);
            }
        }
    }
}

/// A standing figure `tall` high, centred on `x` with its feet on `gy`.
pub(super) fn draw_person(
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
    // A long robe, or trousers and a top.
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
        draw_legs_and_top(cv, (x, gy), (shoulder_y, hip_y, sw), clothes);
    }
    cv.ellipse(x, shoulder_y + tall * 0.02, sw * 1.05, tall * 0.04, clothes, 1.0);
    cv.line((x - sw, shoulder_y + 2.0), (x - sw * 1.2, hip_y), tall * 0.05, shade(clothes, 0.85), 1.0);
    cv.line((x + sw, shoulder_y + 2.0), (x + sw * 1.2, hip_y), tall * 0.05, shade(clothes, 0.85), 1.0);
    cv.rect(x - head_r * 0.4, shoulder_y - head_r * 0.8, x + head_r * 0.4, shoulder_y + 1.0, skin, 1.0);
    cv.ellipse(x, shoulder_y - head_r * 1.6, head_r * 0.85, head_r, skin, 1.0);
}

/// Trousers and a top, from the shoulders down.
fn draw_legs_and_top(cv: &mut Canvas, (x, gy): (f32, f32), (shoulder_y, hip_y, sw): (f32, f32, f32), clothes: Colour) {
    let legs = shade(clothes, 0.55);
    cv.poly(&[(x - sw * 0.9, hip_y), (x - sw * 0.1, hip_y), (x - sw * 0.2, gy), (x - sw * 0.8, gy)], legs, 1.0);
    cv.poly(&[(x + sw * 0.1, hip_y), (x + sw * 0.9, hip_y), (x + sw * 0.8, gy), (x + sw * 0.2, gy)], legs, 1.0);
    cv.poly(
        &[(x - sw, shoulder_y), (x + sw, shoulder_y), (x + sw * 0.9, hip_y + 2.0), (x - sw * 0.9, hip_y + 2.0)],
        clothes,
        1.0,
    );
}
