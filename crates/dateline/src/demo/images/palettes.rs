//! Colour palettes shared by several pictures: walls, clothes, canopies,
//! vehicles, tiles. Layers pick from them at random.

use super::colour::Colour;

pub(super) const MUD_WALLS: &[Colour] = &[[176, 132, 96], [158, 120, 90], [190, 160, 128], [140, 112, 88]];
pub(super) const WHITE_WALLS: &[Colour] = &[[244, 242, 236], [236, 232, 222], [248, 246, 240], [230, 226, 214]];
pub(super) const PASTEL_WALLS: &[Colour] =
    &[[236, 180, 140], [140, 190, 200], [240, 214, 130], [200, 150, 170], [170, 200, 150], [236, 236, 226]];
pub(super) const BRICK_WALLS: &[Colour] =
    &[[168, 88, 62], [186, 104, 70], [150, 80, 60], [210, 190, 170], [196, 120, 84], [120, 150, 170]];
pub(super) const CONCRETE_WALLS: &[Colour] =
    &[[200, 196, 186], [216, 206, 190], [186, 180, 170], [170, 176, 180], [230, 220, 200]];
pub(super) const CONTAINERS: &[Colour] =
    &[[176, 60, 48], [40, 90, 150], [60, 130, 90], [210, 150, 50], [120, 120, 126], [150, 70, 110], [200, 200, 196]];
pub(super) const BRIGHT_CLOTHES: &[Colour] =
    &[[200, 60, 50], [240, 180, 40], [40, 110, 170], [60, 150, 100], [150, 60, 130], [236, 236, 230], [230, 120, 40]];
pub(super) const WORK_CLOTHES: &[Colour] =
    &[[70, 80, 100], [120, 90, 60], [160, 60, 50], [90, 110, 80], [200, 170, 110]];
pub(super) const NIGHT_CLOTHES: &[Colour] = &[[18, 18, 26], [24, 22, 32], [30, 28, 40], [14, 16, 22]];
pub(super) const CANOPIES: &[Colour] =
    &[[220, 60, 50], [250, 190, 40], [40, 120, 190], [60, 160, 90], [240, 120, 40], [230, 230, 220]];
pub(super) const TARPAULINS: &[Colour] = &[[232, 232, 228], [60, 110, 170], [220, 222, 216], [90, 140, 190]];
pub(super) const CARS: &[Colour] =
    &[[200, 200, 204], [60, 60, 70], [170, 40, 40], [230, 230, 226], [80, 100, 130], [220, 180, 40]];
pub(super) const BIKES: &[Colour] = &[[30, 30, 36], [60, 40, 40], [20, 40, 60], [50, 50, 50]];
pub(super) const TRUCKS: &[Colour] = &[[200, 70, 50], [230, 170, 40], [60, 100, 150]];
pub(super) const GEORGIAN_TILES: &[Colour] =
    &[[30, 90, 140], [220, 170, 60], [180, 60, 50], [236, 226, 200], [60, 140, 130], [24, 40, 70]];

pub(super) const LIGHT_SKIN: Colour = [232, 190, 160];
