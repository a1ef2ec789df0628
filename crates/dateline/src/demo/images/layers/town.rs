//! Buildings: scattered houses, a hillside packed with them, a city skyline
//! and a tiled wall mosaic.

use std::f32::consts::{PI, TAU};

use super::super::canvas::Canvas;
use super::super::colour::{lerp, shade};
use super::super::figures::draw_house;
use super::super::rng::Rng;
use super::{Hillside, Houses, Mosaic, Skyline};

impl Houses {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, size, walls, roof, panels } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let mut houses: Vec<(f32, f32, f32)> = (0..count)
            .map(|_| (rng.range(x0, x1) * w, (ground + rng.range(0.0, 0.03)) * h, size * h * rng.range(0.75, 1.25)))
            .collect();
        houses.sort_by(|a, b| a.1.total_cmp(&b.1));
        for (x, gy, s) in houses {
            let wall = rng.pick(walls);
            draw_house(cv, rng, (x, gy, s), wall, roof, panels);
        }
    }
}

impl Hillside {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { x0, y0, x1, y1, depth, count, size, walls } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let mut houses: Vec<(f32, f32)> = (0..count)
            .map(|_| {
                let u = rng.unit();
                let slope = lerp(y0, y1, u);
                (lerp(x0, x1, u) * w, (slope + rng.unit().powf(1.3) * depth) * h)
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
            cv.rect(x - 1.0, y - bh - 2.0, x + bw + 1.0, y - bh, shade(wall, 0.6), 1.0);
            let win = (s * 0.18).max(1.5);
            for k in 0..2 {
                if rng.chance(0.7) {
                    let wx = x + bw * (0.15 + 0.35 * k as f32);
                    cv.rect(wx, y - bh * 0.65, wx + win, y - bh * 0.65 + win * 1.2, [40, 40, 48], 0.85);
                }
            }
        }
    }
}

impl Skyline {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, min_h, max_h, colour, lit, lit_share } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let mut x = x0 * w;
        let gy = ground * h;
        while x < x1 * w {
            let bw = rng.range(0.035, 0.08) * w;
            let bh = rng.range(min_h, max_h) * h;
            let wall = shade(colour, rng.range(0.85, 1.15));
            cv.rect(x, gy - bh, x + bw - 2.0, gy, wall, 1.0);
            if rng.chance(0.3) {
                cv.line((x + bw * 0.5, gy - bh), (x + bw * 0.5, gy - bh - 0.04 * h), 2.0, wall, 1.0);
            }
            let mut wy = gy - bh + 8.0;
            while wy < gy - 10.0 {
                let mut wx = x + 5.0;
                while wx < x + bw - 9.0 {
                    let (c, a) = if rng.chance(lit_share) { (lit, 0.9) } else { (shade(wall, 0.8), 0.7) };
                    cv.rect(wx, wy, wx + 4.0, wy + 5.0, c, a);
                    wx += 9.0;
                }
                wy += 12.0;
            }
            x += bw;
        }
    }
}

impl Mosaic {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { x0, y0, x1, y1, tile, palette, grout, missing } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let (ax, ay, bx, by) = (x0 * w, y0 * h, x1 * w, y1 * h);
        cv.rect(ax - 8.0, ay - 8.0, bx + 8.0, by + 8.0, shade(grout, 0.7), 1.0);
        cv.rect(ax, ay, bx, by, grout, 1.0);
        let size = tile * h;
        let centres = [(ax + (bx - ax) * 0.3, ay + (by - ay) * 0.45), (ax + (bx - ax) * 0.72, ay + (by - ay) * 0.55)];
        let mut y = ay;
        while y + size <= by + 0.5 {
            let mut x = ax;
            while x + size <= bx + 0.5 {
                let (mx, my) = (x + size / 2.0, y + size / 2.0);
                let (d, (cx, cy)) = centres
                    .iter()
                    .map(|&(cx, cy)| (((mx - cx).powi(2) + (my - cy).powi(2)).sqrt(), (cx, cy)))
                    .fold((f32::MAX, (0.0, 0.0)), |best, c| if c.0 < best.0 { c } else { best });
                let ring = (d / (size * 2.2)) as usize;
                let sector = (((my - cy).atan2(mx - cx) + PI) / TAU * 12.0) as usize;
                let pick = if ring < 9 { ring + (sector % 2) * (ring % 2) } else { 3 + (sector + ring) % 3 };
                let base = palette.get(pick % palette.len().max(1)).copied().unwrap_or(grout);
                if rng.chance(missing * (1.0 + (my - ay) / (by - ay))) {
                    cv.rect(x + 1.0, y + 1.0, x + size - 1.0, y + size - 1.0, shade(grout, 1.05), 1.0);
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
}
