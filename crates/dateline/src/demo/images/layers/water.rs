//! Water and what floats or stands in it: the sea or a flood, boats, a
//! container ship, a seaweed farm's stakes.

use super::super::canvas::Canvas;
use super::super::colour::{lerp, shade};
use super::super::figures::draw_boat;
use super::super::rng::Rng;
use super::{Boats, Ship, Stakes, Water};

impl Water {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { level, top, bottom, ripple, glint } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        cv.gradient(level * h, top, bottom);
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
                cv.rect(x - len / 2.0, y, x + len / 2.0, y + 1.5 + t * 2.0, ripple, 0.6);
            }
        }
    }
}

impl Boats {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { y0, y1, x0, x1, count, size, hull, sail } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let mut boats: Vec<(f32, f32)> = (0..count).map(|_| (rng.range(x0, x1) * w, rng.range(y0, y1) * h)).collect();
        boats.sort_by(|a, b| a.1.total_cmp(&b.1));
        for (x, y) in boats {
            let depth = ((y / h - y0) / (y1 - y0).max(1e-3)).clamp(0.0, 1.0);
            let len = size * w * (0.6 + 0.6 * depth) * rng.range(0.85, 1.15);
            draw_boat(cv, rng, (x, y, len), hull, sail);
        }
    }
}

impl Ship {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { x, y, length, hull, cargo } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
                    cv.rect(bx, top, bx + len * 0.035 - 1.5, top + hh * 0.55 - 1.0, c, 1.0);
                }
                bx += len * 0.035;
            }
        }
        cv.rect(right - len * 0.2, wl - hh * 3.6, right - len * 0.1, wl - hh, [236, 236, 232], 1.0);
        cv.rect(right - len * 0.2, wl - hh * 3.0, right - len * 0.1, wl - hh * 2.8, [40, 50, 70], 0.8);
        cv.rect(right - len * 0.16, wl - hh * 4.4, right - len * 0.13, wl - hh * 3.6, [200, 70, 50], 1.0);
        cv.poly(
            &[(left, wl - hh), (right + len * 0.03, wl - hh * 1.2), (right - len * 0.02, wl), (left + len * 0.03, wl)],
            hull,
            1.0,
        );
        cv.rect(left + len * 0.02, wl - hh * 0.35, right - len * 0.01, wl - hh * 0.2, [170, 50, 40], 0.9);
    }
}

impl Stakes {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { top, bottom, rows, colour, weed } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
}
