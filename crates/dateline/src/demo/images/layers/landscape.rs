//! The land: hills, mountains, bare ground, fields, roads, bog pools and
//! stands of trees.

use std::f32::consts::TAU;

use super::super::canvas::Canvas;
use super::super::colour::{Colour, fc, lerp, shade};
use super::super::rng::Rng;
use super::super::trees::draw_tree;
use super::{Furrows, Ground, Hills, Mountains, Pools, Road, Trees};

impl Hills {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { base, amp, freq, colour } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let phases = [rng.range(0.0, TAU), rng.range(0.0, TAU), rng.range(0.0, TAU)];
        let ridge = |u: f32| {
            base - amp
                * (0.6 * (u * freq * TAU + phases[0]).sin()
                    + 0.3 * (u * freq * 2.3 * TAU + phases[1]).sin()
                    + 0.12 * (u * freq * 5.7 * TAU + phases[2]).sin())
        };
        fill_under(cv, colour, 0.82, |x| ridge(x / w) * h);
    }
}

impl Mountains {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { base, amp, peaks, colour, snow } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let list: Vec<(f32, f32, f32)> = (0..peaks.max(1))
            .map(|i| {
                let slot = (i as f32 + 0.5) / peaks.max(1) as f32;
                (slot + rng.range(-0.08, 0.08), amp * rng.range(0.55, 1.0), rng.range(0.14, 0.26))
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
            let snow_end =
                if r > snowline { top + (r - snowline) * h * 0.9 * (1.0 + 0.3 * (u * 53.0).sin()) } else { top };
            let first = top.floor() as usize;
            for y in first..cv.h {
                let yf = y as f32;
                let (c, cs) = if facing_away { (dark, snow_dark) } else { (lit, snow_lit) };
                let pick = if yf < snow_end { cs } else { c };
                let t = (yf - top) / (h - top).max(1.0);
                let k = 1.0 - 0.2 * t;
                let a = if y == first { 1.0 - (top - first as f32) } else { 1.0 };
                cv.blend(x, y, [pick[0] * k, pick[1] * k, pick[2] * k], a);
            }
        }
    }
}

impl Ground {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let h = cv.hf();
        cv.gradient(self.level * h, self.top, self.bottom);
    }
}

impl Furrows {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { top, colour, rows } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let (vx, vy) = (0.5 * w, top * h - 0.4 * h);
        let n = rows.max(1) as f32;
        let frac = (top * h - vy) / (h - vy);
        for i in 0..=(rows * 2) {
            let xb = lerp(-0.6, 1.6, i as f32 / (2.0 * n)) * w;
            let wb = w / n * 0.28;
            let xt = vx + (xb - vx) * frac;
            let wt = wb * frac;
            cv.poly(&[(xt - wt, top * h), (xt + wt, top * h), (xb + wb, h), (xb - wb, h)], colour, 0.45);
        }
    }
}

impl Road {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { horizon, x, colour, edge } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
}

impl Pools {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { top, bottom, count, colour } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for _ in 0..count {
            let t = rng.unit();
            let cy = lerp(top, bottom, t) * h;
            let rx = rng.range(0.02, 0.07) * w * (0.4 + t);
            let ry = rx * (0.1 + 0.12 * t);
            let cx = rng.range(0.0, 1.0) * w;
            cv.ellipse(cx, cy, rx * 1.08, ry * 1.3, shade(colour, 0.35), 0.6);
            cv.ellipse(cx, cy, rx, ry, colour, 0.95);
            cv.rect(cx - rx * 0.5, cy - ry * 0.2, cx + rx * 0.3, cy, [236, 240, 244], 0.25);
        }
    }
}

impl Trees {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, size, kind, colour } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for _ in 0..count {
            let x = rng.range(x0, x1) * w;
            let gy = (ground + rng.range(-0.01, 0.02)) * h;
            let s = size * h * rng.range(0.75, 1.2);
            draw_tree(cv, rng, (x, gy, s), kind, colour);
        }
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
            let a = if y == first { 1.0 - (top - first as f32) } else { 1.0 };
            cv.blend(x, y, [c[0] * k, c[1] * k, c[2] * k], a);
        }
    }
}
