//! Machinery and infrastructure: port cranes and containers, wind turbines,
//! a solar array, a cable car and a radio mast.

use std::f32::consts::TAU;

use super::super::canvas::Canvas;
use super::super::colour::{lerp, shade};
use super::super::rng::Rng;
use super::{Cable, Containers, Cranes, Mast, Panels, Turbines};

impl Cranes {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { ground, x0, x1, count, colour } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for i in 0..count {
            let t = if count > 1 { i as f32 / (count - 1) as f32 } else { 0.5 };
            let x = lerp(x0, x1, t) * w;
            let gy = ground * h;
            let height = 0.42 * h;
            let span = 0.07 * w;
            let leg = (0.006 * w).max(3.0);
            let dark = shade(colour, 0.75);
            cv.rect(x, gy - height, x + leg, gy, colour, 1.0);
            cv.rect(x + span, gy - height, x + span + leg, gy, dark, 1.0);
            cv.rect(x, gy - height * 0.5, x + span + leg, gy - height * 0.5 + leg, dark, 1.0);
            let boom_y = gy - height * 0.92;
            cv.rect(x - 0.15 * w, boom_y, x + span + 0.06 * w, boom_y + leg * 1.2, colour, 1.0);
            let apex = (x + span * 0.5, gy - height * 1.22);
            cv.line(apex, (x - 0.15 * w, boom_y), 2.0, dark, 1.0);
            cv.line(apex, (x + span + 0.06 * w, boom_y), 2.0, dark, 1.0);
            cv.line((x, gy - height), apex, leg * 0.8, colour, 1.0);
            cv.line((x + span + leg, gy - height), apex, leg * 0.8, dark, 1.0);
            cv.rect(x + span * 0.1, boom_y - 0.04 * h, x + span * 0.9, boom_y, [230, 230, 226], 1.0);
            cv.line((x - 0.1 * w, boom_y), (x - 0.1 * w, boom_y + 0.12 * h), 1.2, [40, 40, 40], 0.9);
        }
    }
}

impl Containers {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, size, palette } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
}

impl Turbines {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, height, colour } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for i in 0..count {
            let t = if count > 1 { i as f32 / (count - 1) as f32 } else { 0.5 };
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
                let side = (hub.0 + (a + 0.12).cos() * tall * 0.08, hub.1 + (a + 0.12).sin() * tall * 0.08);
                cv.poly(&[hub, side, tip], colour, 1.0);
            }
            cv.circle(hub.0, hub.1, tall * 0.025, shade(colour, 0.85), 1.0);
        }
    }
}

impl Panels {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { top, bottom, x0, x1, rows, colour, frame } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let n = rows.max(1);
        for r in 0..n {
            let t0 = (r as f32 / n as f32).powf(1.5);
            let t1 = ((r as f32 + 0.7) / n as f32).powf(1.5);
            let ya = lerp(top, bottom, t0) * h;
            let yb = lerp(top, bottom, t1) * h;
            let spread = |t: f32| lerp(0.55, 1.3, t);
            let (la, ra) = (0.5 * w + (x0 - 0.5) * w * spread(t0), 0.5 * w + (x1 - 0.5) * w * spread(t0));
            let (lb, rb) = (0.5 * w + (x0 - 0.5) * w * spread(t1), 0.5 * w + (x1 - 0.5) * w * spread(t1));
            cv.rect(lb + 4.0, yb, lb + 8.0, yb + (yb - ya) * 0.4, [60, 60, 64], 1.0);
            cv.rect(rb - 8.0, yb, rb - 4.0, yb + (yb - ya) * 0.4, [60, 60, 64], 1.0);
            cv.poly(&[(la, ya), (ra, ya), (rb, yb), (lb, yb)], colour, 1.0);
            cv.line((la, ya), (ra, ya), 2.0, frame, 1.0);
            let cells = 14;
            for c in 1..cells {
                let u = c as f32 / cells as f32;
                cv.line((lerp(la, ra, u), ya), (lerp(lb, rb, u), yb), 1.0, frame, 0.5);
            }
            let ym = (ya + yb) / 2.0;
            cv.line((lerp(la, lb, 0.5), ym), (lerp(ra, rb, 0.5), ym), 1.0, frame, 0.4);
            cv.poly(
                &[(la, ya), (ra, ya), (lerp(ra, rb, 0.3), lerp(ya, yb, 0.3)), (lerp(la, lb, 0.3), lerp(ya, yb, 0.3))],
                [200, 220, 250],
                0.15,
            );
        }
    }
}

impl Cable {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { x0, y0, x1, y1, cabins, colour, cabin } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let point = |t: f32| {
            let sag = 0.06 * h * 4.0 * t * (1.0 - t);
            (lerp(x0, x1, t) * w, lerp(y0, y1, t) * h + sag)
        };
        for tower in [0.22, 0.55, 0.85] {
            let (tx, ty) = point(tower);
            cv.poly(
                &[(tx - 4.0, ty), (tx + 4.0, ty), (tx + 10.0, ty + 0.3 * h), (tx - 10.0, ty + 0.3 * h)],
                [150, 150, 156],
                1.0,
            );
            cv.rect(tx - 14.0, ty - 3.0, tx + 14.0, ty + 3.0, [120, 120, 126], 1.0);
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
            cv.rect(cx - s * 0.7, cy + s * 0.9, cx + s * 0.7, cy + s * 2.2, cabin, 1.0);
            cv.ellipse(cx, cy + s * 0.95, s * 0.7, s * 0.2, cabin, 1.0);
            cv.rect(cx - s * 0.55, cy + s * 1.1, cx + s * 0.55, cy + s * 1.6, [200, 220, 236], 0.9);
        }
    }
}

impl Mast {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { x, ground, height, colour } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
            cv.line((bx + a * half(t0), ya), (bx + b * half(t1), yb), 1.2, colour, 0.9);
        }
        for side in [-1.0, 1.0] {
            cv.line((bx, gy - tall * 0.7), (bx + side * tall * 0.45, gy), 1.0, [80, 80, 80], 0.5);
        }
        cv.glow(top.0, top.1, 10.0, [255, 80, 60], 0.7);
        cv.circle(top.0, top.1, 2.5, [255, 90, 70], 1.0);
    }
}
