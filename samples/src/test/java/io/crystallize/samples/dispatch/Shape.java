package io.crystallize.samples.dispatch;

import java.util.random.RandomGenerator;

/** Shapes whose area is one interface call: the call site the experiment times. */
interface Shape {

    double area();

    /** {@code count} shapes of the first {@code kinds} kinds (circle, square, triangle), in random order. */
    static Shape[] random(int kinds, int count, RandomGenerator random) {
        Shape[] shapes = new Shape[count];
        for (int i = 0; i < count; i++) {
            double size = 1 + random.nextDouble();
            shapes[i] = switch (random.nextInt(kinds)) {
                case 0 -> new Circle(size);
                case 1 -> new Square(size);
                default -> new Triangle(size, size / 2);
            };
        }
        return shapes;
    }

    /** The sum of the areas: one call of {@link #area()} per shape, at one call site. */
    static double totalArea(Shape[] shapes) {
        double total = 0;
        for (Shape shape : shapes) {
            total += shape.area();
        }
        return total;
    }

    record Circle(double radius) implements Shape {
        @Override
        public double area() {
            return Math.PI * radius * radius;
        }
    }

    record Square(double side) implements Shape {
        @Override
        public double area() {
            return side * side;
        }
    }

    record Triangle(double base, double height) implements Shape {
        @Override
        public double area() {
            return base * height / 2;
        }
    }
}
