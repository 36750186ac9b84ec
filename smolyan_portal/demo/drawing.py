"""Illustrations for the demo content, drawn with Pillow in one style: flat landscapes of the
Rhodopes under a sky with the sun, no photographs, no text."""

import functools
import io
import math
import random

from PIL import Image, ImageDraw

# Drawn at twice the size and scaled down, so the edges of the shapes come out smooth.
SCALE = 2

SKY = (186, 223, 240)
SKY_LOW = (236, 246, 250)
SUN = (255, 196, 61)
FAR_HILLS = (120, 160, 150)
NEAR_HILLS = (74, 124, 89)
MEADOW = (118, 170, 92)
WALL = (245, 238, 222)
WALL_SHADE = (222, 210, 188)
ROOF = (178, 74, 52)
WINDOW = (70, 110, 150)
WOOD = (120, 80, 50)
STONE = (150, 150, 145)
PANEL = (38, 62, 110)
PANEL_LINE = (120, 150, 200)
WATER = (92, 178, 214)
TREE = (46, 104, 62)
TRUNK = (98, 70, 45)


class Canvas:
    """A drawing surface that takes coordinates of the final image and draws them supersampled."""

    def __init__(self, width, height, background=SKY):
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SCALE, height * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    def _points(self, points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        box = (x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE)
        if radius:
            self.draw.rounded_rectangle(box, radius=radius * SCALE, fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill):
        self.draw.ellipse(
            ((cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE), fill=fill
        )

    def polygon(self, points, fill):
        self.draw.polygon(self._points(points), fill=fill)

    def line(self, points, fill, width):
        self.draw.line(self._points(points), fill=fill, width=width * SCALE)

    def gradient_sky(self, top=SKY, bottom=SKY_LOW, until=None):
        until = until or self.height
        for y in range(until * SCALE):
            t = y / (until * SCALE)
            colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            self.draw.line([(0, y), (self.width * SCALE, y)], fill=colour)

    def sun(self, cx, cy, radius):
        inner, outer = radius * 1.25, radius * 1.7
        for ray in range(12):
            angle = math.radians(ray * 30)
            dx, dy = math.cos(angle), math.sin(angle)
            self.line(
                [(cx + inner * dx, cy + inner * dy), (cx + outer * dx, cy + outer * dy)],
                SUN,
                max(3, round(radius / 12)),
            )
        self.ellipse(cx, cy, radius, radius, SUN)

    def hills(self, base, amplitude, colour, seed, step=80):
        rng = random.Random(seed)
        points = [(0, self.height)]
        for x in range(0, self.width + step, step):
            points.append((x, base - rng.randint(0, amplitude)))
        points.append((self.width, self.height))
        self.polygon(points, colour)

    def tree(self, x, ground, size):
        self.rect(x - size * 0.08, ground - size * 0.35, x + size * 0.08, ground, TRUNK)
        self.polygon(
            [
                (x - size * 0.35, ground - size * 0.3),
                (x, ground - size * 1.1),
                (x + size * 0.35, ground - size * 0.3),
            ],
            TREE,
        )

    def house(self, x, ground, width, height, roof=ROOF, wall=WALL, windows=2):
        self.rect(x, ground - height, x + width, ground, wall)
        self.polygon(
            [
                (x - width * 0.1, ground - height),
                (x + width / 2, ground - height - width * 0.45),
                (x + width * 1.1, ground - height),
            ],
            roof,
        )
        gap = width / (windows + 1)
        size = min(gap * 0.55, height * 0.3)
        for n in range(1, windows + 1):
            cx = x + gap * n
            self.rect(
                cx - size / 2,
                ground - height * 0.7,
                cx + size / 2,
                ground - height * 0.7 + size,
                WINDOW,
            )

    def solar_roof(self, x0, y0, x1, y1):
        self.rect(x0, y0, x1, y1, PANEL)
        columns = max(2, round((x1 - x0) / 40))
        for n in range(1, columns):
            x = x0 + (x1 - x0) * n / columns
            self.line([(x, y0), (x, y1)], PANEL_LINE, 2)
        self.line([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], PANEL_LINE, 2)

    def png(self):
        final = self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        final.save(buffer, format="PNG")
        return buffer.getvalue()


@functools.cache
def mountain_town(width=1600, height=900):
    """A town of red roofs in a green valley between hills, with the sun above."""
    c = Canvas(width, height)
    c.gradient_sky(until=int(height * 0.7))
    c.sun(width * 0.78, height * 0.2, height * 0.09)
    c.hills(int(height * 0.5), int(height * 0.18), FAR_HILLS, seed=1)
    c.hills(int(height * 0.68), int(height * 0.12), NEAR_HILLS, seed=2)
    c.rect(0, height * 0.82, width, height, MEADOW)
    rng = random.Random(3)
    x = width * 0.06
    while x < width * 0.92:
        ground = height * (0.84 + rng.random() * 0.08)
        w = width * (0.05 + rng.random() * 0.03)
        h = height * (0.08 + rng.random() * 0.08)
        if rng.random() < 0.25:
            c.tree(x + w / 2, ground, height * 0.14)
        else:
            c.house(x, ground, w, h, windows=rng.choice((1, 2, 3)))
        x += w * 1.35
    return c.png()


@functools.cache
def energy_block(width=1200, height=800):
    """Two public buildings with solar roofs: a long pool hall with water and a sports hall."""
    c = Canvas(width, height)
    c.gradient_sky(until=int(height * 0.75))
    c.sun(width * 0.15, height * 0.17, height * 0.08)
    c.hills(int(height * 0.55), int(height * 0.12), FAR_HILLS, seed=4)
    ground = height * 0.8
    c.rect(0, ground, width, height, MEADOW)
    # The pool hall: a low, long building with a glass front and water behind it.
    c.rect(width * 0.05, ground - height * 0.22, width * 0.5, ground, WALL)
    c.solar_roof(width * 0.05, ground - height * 0.27, width * 0.5, ground - height * 0.22)
    c.rect(width * 0.08, ground - height * 0.17, width * 0.47, ground - height * 0.05, WATER)
    for n in range(1, 8):
        x = width * 0.08 + (width * 0.39) * n / 8
        c.line([(x, ground - height * 0.17), (x, ground - height * 0.05)], WALL, 3)
    # The sports hall: taller, with a curved roof carrying panels.
    left, right = width * 0.56, width * 0.94
    c.rect(left, ground - height * 0.3, right, ground, WALL_SHADE)
    c.draw.pieslice(
        (
            left * SCALE,
            (ground - height * 0.42) * SCALE,
            right * SCALE,
            (ground - height * 0.18) * SCALE,
        ),
        180,
        360,
        fill=PANEL,
    )
    for n in range(1, 6):
        x = left + (right - left) * n / 6
        c.rect(x - 14, ground - height * 0.2, x + 14, ground - height * 0.12, WINDOW)
    c.rect(
        left + (right - left) * 0.44,
        ground - height * 0.1,
        left + (right - left) * 0.56,
        ground,
        WOOD,
    )
    for x in (width * 0.52, width * 0.97):
        c.tree(x, ground, height * 0.16)
    return c.png()


@functools.cache
def mountain_village(width=1200, height=800):
    """White houses with dark wooden upper floors on a slope, a stone bridge over a stream."""
    c = Canvas(width, height)
    c.gradient_sky(until=int(height * 0.6))
    c.sun(width * 0.85, height * 0.14, height * 0.07)
    c.hills(int(height * 0.42), int(height * 0.14), FAR_HILLS, seed=5, step=60)
    c.polygon(
        [(0, height * 0.55), (width, height * 0.75), (width, height), (0, height)], NEAR_HILLS
    )
    rng = random.Random(6)
    for row, ground_ratio in enumerate((0.6, 0.71, 0.82)):
        x = width * (0.03 + 0.05 * row)
        while x < width * 0.9:
            ground = height * ground_ratio + (x / width) * height * 0.08
            w = width * (0.08 + rng.random() * 0.03)
            h = height * (0.1 + rng.random() * 0.04)
            # A white stone ground floor under a dark timber upper floor, as in the Rhodopes.
            c.rect(x, ground - h * 0.5, x + w, ground, WALL)
            c.rect(x - w * 0.05, ground - h, x + w * 1.05, ground - h * 0.5, WOOD)
            c.polygon(
                [
                    (x - w * 0.12, ground - h),
                    (x + w / 2, ground - h - w * 0.3),
                    (x + w * 1.12, ground - h),
                ],
                STONE,
            )
            c.rect(x + w * 0.3, ground - h * 0.85, x + w * 0.5, ground - h * 0.65, WALL)
            x += w * (1.8 + rng.random())
    c.line([(0, height * 0.97), (width * 0.5, height * 0.93), (width, height * 0.99)], WATER, 16)
    c.draw.arc(
        (width * 0.4 * SCALE, height * 0.86 * SCALE, width * 0.6 * SCALE, height * 1.02 * SCALE),
        180,
        360,
        fill=STONE,
        width=14 * SCALE,
    )
    return c.png()


@functools.cache
def green_workshop(width=1200, height=800):
    """A workshop building with a saw-tooth roof of solar panels, among trees."""
    c = Canvas(width, height)
    c.gradient_sky(until=int(height * 0.7))
    c.sun(width * 0.82, height * 0.18, height * 0.08)
    c.hills(int(height * 0.52), int(height * 0.13), FAR_HILLS, seed=7)
    ground = height * 0.82
    c.rect(0, ground, width, height, MEADOW)
    left, right = width * 0.18, width * 0.78
    c.rect(left, ground - height * 0.3, right, ground, WALL_SHADE)
    # A saw-tooth roof, its slopes facing the sun covered with panels.
    teeth = 5
    tooth = (right - left) / teeth
    for n in range(teeth):
        x = left + tooth * n
        c.polygon(
            [
                (x, ground - height * 0.3),
                (x + tooth, ground - height * 0.3),
                (x + tooth, ground - height * 0.42),
            ],
            PANEL,
        )
    for n in range(teeth):
        x = left + tooth * n + tooth * 0.25
        c.rect(x, ground - height * 0.22, x + tooth * 0.5, ground - height * 0.12, WINDOW)
    c.rect(
        left + (right - left) * 0.42,
        ground - height * 0.1,
        left + (right - left) * 0.58,
        ground,
        WOOD,
    )
    for x in (width * 0.07, width * 0.12, width * 0.86, width * 0.93):
        c.tree(x, ground + 6, height * 0.2)
    # A path from the door across the grass.
    door = left + (right - left) * 0.5
    c.polygon(
        [(door - 40, ground), (door + 40, ground), (door + 120, height), (door - 120, height)],
        STONE,
    )
    return c.png()
