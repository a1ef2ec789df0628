//! The drawing surface: a floating-point canvas with anti-aliased primitives,
//! all in pixel coordinates.

use image::{Rgb, RgbImage};

use super::colour::{Colour, Fc, fc, mix};
use super::rng::Rng;

pub(super) struct Canvas {
    pub(super) w: usize,
    pub(super) h: usize,
    pub(super) px: Vec<Fc>,
}

impl Canvas {
    pub(super) fn new((w, h): (u32, u32)) -> Self {
        let (w, h) = (w as usize, h as usize);
        Self { w, h, px: vec![[0.0; 3]; w * h] }
    }

    pub(super) fn wf(&self) -> f32 {
        self.w as f32
    }

    pub(super) fn hf(&self) -> f32 {
        self.h as f32
    }

    pub(super) fn blend(&mut self, x: usize, y: usize, c: Fc, a: f32) {
        let p = &mut self.px[y * self.w + x];
        p[0] += (c[0] - p[0]) * a;
        p[1] += (c[1] - p[1]) * a;
        p[2] += (c[2] - p[2]) * a;
    }

    /// Paints row `y` from `x0` to `x1`, with partial cover at the ends.
    pub(super) fn span(&mut self, y: usize, x0: f32, x1: f32, c: Fc, a: f32) {
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

    pub(super) fn rows(&self, y0: f32, y1: f32) -> std::ops::Range<usize> {
        let top = y0.max(0.0).floor() as usize;
        let bottom = (y1.max(0.0).ceil() as usize).min(self.h);
        top.min(bottom)..bottom
    }

    pub(super) fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, c: Colour, a: f32) {
        let c = fc(c);
        for y in self.rows(y0, y1) {
            self.span(y, x0, x1, c, a);
        }
    }

    /// Fills a polygon (even-odd rule), sampling each row at its centre.
    pub(super) fn poly(&mut self, pts: &[(f32, f32)], c: Colour, a: f32) {
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

    pub(super) fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, c: Colour, a: f32) {
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

    pub(super) fn circle(&mut self, cx: f32, cy: f32, r: f32, c: Colour, a: f32) {
        self.ellipse(cx, cy, r, r, c, a);
    }

    pub(super) fn line(&mut self, (x0, y0): (f32, f32), (x1, y1): (f32, f32), width: f32, c: Colour, a: f32) {
        let (dx, dy) = (x1 - x0, y1 - y0);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-3 {
            return;
        }
        let (nx, ny) = (-dy / len * width / 2.0, dx / len * width / 2.0);
        self.poly(&[(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)], c, a);
    }

    /// A soft radial glow, strongest (`a`) at the centre, gone at radius `r`.
    pub(super) fn glow(&mut self, cx: f32, cy: f32, r: f32, c: Colour, a: f32) {
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
    pub(super) fn arc(&mut self, (cx, cy): (f32, f32), r: f32, thick: f32, (a0, a1): (f32, f32), c: Colour) {
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
    pub(super) fn into_image(self, rng: &mut Rng, grain: f32) -> RgbImage {
        let mut out = RgbImage::new(self.w as u32, self.h as u32);
        for (dst, src) in out.pixels_mut().zip(&self.px) {
            let n = (rng.unit() - 0.5) * 2.0 * grain;
            let q = |v: f32| (v + n).round().clamp(0.0, 255.0) as u8;
            *dst = Rgb([q(src[0]), q(src[1]), q(src[2])]);
        }
        out
    }

    /// Fills from `y0` (pixels) to the bottom with a vertical gradient.
    pub(super) fn gradient(&mut self, y0: f32, top: Colour, bottom: Colour) {
        let span = (self.hf() - y0).max(1.0);
        for y in self.rows(y0, self.hf()) {
            let c = mix(top, bottom, (y as f32 - y0) / span);
            let row = y * self.w;
            self.px[row..row + self.w].fill(c);
        }
        // Anti-alias the top edge.
        let edge = y0.floor();
        if edge >= 0.0 && (edge as usize) < self.h && y0 > edge {
            let w = self.wf();
            self.span(edge as usize, 0.0, w, fc(top), 1.0 - (y0 - edge));
        }
    }

    /// Fills the whole canvas with a gradient from the top-left corner to the bottom-right.
    pub(super) fn diagonal_gradient(&mut self, [a, b]: [Colour; 2]) {
        let (w, h) = (self.wf(), self.hf());
        for y in 0..self.h {
            for x in 0..self.w {
                let t = (x as f32 / w) * 0.6 + (y as f32 / h) * 0.4;
                self.px[y * self.w + x] = mix(a, b, t);
            }
        }
    }
}
