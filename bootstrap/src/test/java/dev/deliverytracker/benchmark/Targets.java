package dev.deliverytracker.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets, each with what this run measured and whether it is met, printed first in the
 * report. Ratios are of two figures of the same run on the same machine, because an absolute rate on
 * a shared machine says little.
 */
final class Targets {

    private record Row(String figure, String target, String measured, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure that must be at least {@code floor}. */
    void atLeast(String figure, double measured, double floor) {
        add(figure, "≥ " + number(floor), measured, measured >= floor);
    }

    /** A figure that must stay under {@code ceiling}. */
    void under(String figure, double measured, double ceiling, String unit) {
        add(figure, "< " + number(ceiling) + unit, measured, measured < ceiling);
    }

    /** A figure that must be exactly {@code expected} (lost events, wrong statuses). */
    void exactly(String figure, long measured, long expected) {
        rows.add(new Row(figure, "= " + expected, Long.toString(measured), measured == expected ? "met" : "**not met**"));
    }

    /** A figure the issue asks to see beside another, with no bound of its own. */
    void reported(String figure, double measured) {
        rows.add(new Row(figure, "reported", Double.isNaN(measured) ? "—" : number(measured), "no bound"));
    }

    /** A target this run did not measure, and why. */
    void notMeasured(String figure, String target, String why) {
        rows.add(new Row(figure, target, "—", "not measured: " + why));
    }

    private void add(String figure, String target, double measured, boolean met) {
        if (Double.isNaN(measured)) {
            notMeasured(figure, target, "no figure");
            return;
        }
        rows.add(new Row(figure, target, number(measured), met ? "met" : "**not met**"));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder out) {
        out.append("## Targets\n\n| figure | target | this run | |\n|---|---|---|---|\n");
        rows.forEach(row -> out.append("| ").append(row.figure()).append(" | ").append(row.target()).append(" | ")
                .append(row.measured()).append(" | ").append(row.verdict()).append(" |\n"));
        out.append('\n');
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
