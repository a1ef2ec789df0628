//! The sky and the air: gradients, sun, stars, clouds, rain, haze and the
//! final vignette.

use super::super::canvas::Canvas;
use super::super::colour::{fc, lerp};
use super::super::rng::Rng;
use super::{Clouds, Haze, Rain, Sky, Stars, Sun, Vignette};

impl Sky {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        cv.gradient(0.0, self.top, self.bottom);
    }
}

impl Sun {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { x, y, r, colour, glow } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let (cx, cy, r) = (x * w, y * h, r * h);
        cv.glow(cx, cy, r * 5.0, colour, glow);
        cv.glow(cx, cy, r * 1.8, colour, glow);
        cv.circle(cx, cy, r, colour, 0.95);
    }
}

impl Stars {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { count } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for _ in 0..count {
            let (x, y) = (rng.range(0.0, w), rng.range(0.0, h * 0.55));
            let bright = rng.range(0.3, 1.0);
            cv.circle(x, y, rng.range(0.6, 1.6), [250, 248, 236], bright);
        }
    }
}

impl Clouds {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { y, count, colour, alpha } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
}

impl Rain {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { count, colour, alpha } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for _ in 0..count {
            let (x, y) = (rng.range(-0.05, 1.0) * w, rng.range(0.0, 1.0) * h);
            let len = rng.range(12.0, 30.0);
            cv.line((x, y), (x + len * 0.25, y + len), 1.0, colour, alpha);
        }
    }
}

impl Haze {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { y0, y1, colour, from, to } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let c = fc(colour);
        let (top, bottom) = (y0 * h, y1 * h);
        for y in cv.rows(top, bottom) {
            let t = (y as f32 - top) / (bottom - top).max(1.0);
            cv.span(y, 0.0, w, c, lerp(from, to, t));
        }
    }
}

impl Vignette {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { strength } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
