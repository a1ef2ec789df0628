//! Life at street level: market stalls, people, tents, traffic and an
//! open-air cinema screen.

use super::super::canvas::Canvas;
use super::super::colour::{fc, lerp, shade};
use super::super::figures::draw_person;
use super::super::rng::Rng;
use super::super::vehicles::draw_vehicle;
use super::{People, Screen, Stalls, Tents, Vehicles};

impl Stalls {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, canopies } = *self;
        let (w, h) = (cv.wf(), cv.hf());
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
            cv.rect(x + 4.0, table_y, x + sw - 4.0, table_y + 0.025 * h, [120, 84, 56], 1.0);
            for _ in 0..10 {
                let gx = x + rng.range(0.1, 0.9) * sw;
                let good = rng.pick(&[[220, 70, 40], [250, 180, 30], [120, 170, 60], [240, 230, 210], [90, 60, 120]]);
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
            cv.rect(x - 0.1 * sw, canopy_y + 0.02 * h, x + 1.1 * sw, canopy_y + 0.035 * h, shade(canopy, 0.75), 1.0);
        }
    }
}

impl People {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, height, clothes, skin } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let n = count.max(1);
        let step = (x1 - x0) / n as f32;
        for i in 0..n {
            let x = (x0 + step * (i as f32 + 0.5) + rng.range(-0.3, 0.3) * step) * w;
            let tall = height * h * rng.range(0.85, 1.08);
            let colour = rng.pick(clothes);
            draw_person(cv, rng, (x, ground * h, tall), colour, skin);
        }
    }
}

impl Tents {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, size, colours } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let n = count.max(1);
        let step = (x1 - x0) / n as f32;
        for i in 0..n {
            let x = (x0 + step * i as f32 + rng.range(0.0, 0.2) * step) * w;
            let s = size * h * rng.range(0.85, 1.1);
            let gy = (ground + rng.range(-0.01, 0.01)) * h;
            let c = rng.pick(colours);
            let front = [(x, gy), (x + s * 0.6, gy - s * 0.7), (x + s * 1.2, gy)];
            cv.poly(
                &[front[1], (x + s * 2.0, gy - s * 0.66), (x + s * 2.5, gy - s * 0.02), front[2]],
                shade(c, 0.82),
                1.0,
            );
            cv.poly(&front, c, 1.0);
            cv.poly(&[(x + s * 0.45, gy), (x + s * 0.6, gy - s * 0.45), (x + s * 0.75, gy)], shade(c, 0.45), 1.0);
        }
    }
}

impl Vehicles {
    pub(super) fn draw(&self, cv: &mut Canvas, rng: &mut Rng) {
        let Self { ground, x0, x1, count, size, kind, colours } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        for _ in 0..count {
            let x = rng.range(x0, x1) * w;
            let s = size * w * rng.range(0.9, 1.1);
            let body = rng.pick(colours);
            draw_vehicle(cv, rng, (x, ground * h, s), kind, body);
        }
    }
}

impl Screen {
    pub(super) fn draw(&self, cv: &mut Canvas) {
        let Self { x0, y0, x1, y1, light } = *self;
        let (w, h) = (cv.wf(), cv.hf());
        let (ax, ay, bx, by) = (x0 * w, y0 * h, x1 * w, y1 * h);
        cv.glow((ax + bx) / 2.0, (ay + by) / 2.0, (bx - ax) * 0.75, light, 0.35);
        cv.rect(ax + 10.0, by, ax + 16.0, 0.7 * h, [30, 30, 34], 1.0);
        cv.rect(bx - 16.0, by, bx - 10.0, 0.7 * h, [30, 30, 34], 1.0);
        cv.rect(ax - 6.0, ay - 6.0, bx + 6.0, by + 6.0, [20, 20, 24], 1.0);
        let lit = [light[0].saturating_add(15), light[1].saturating_add(30), light[2].saturating_add(60)];
        let c0 = fc(lit);
        let c1 = fc(shade(light, 0.65));
        for y in cv.rows(ay, by) {
            let t = (y as f32 - ay) / (by - ay);
            let c = [lerp(c0[0], c1[0], t), lerp(c0[1], c1[1], t), lerp(c0[2], c1[2], t)];
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
        cv.circle(ax + sw * 0.72, ay + sh * 0.28, sh * 0.1, [255, 250, 236], 0.9);
    }
}
