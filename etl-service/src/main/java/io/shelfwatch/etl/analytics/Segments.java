package io.shelfwatch.etl.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The date segments of a range. Weekly segments are Amazon's reporting weeks (Sunday to Saturday)
 * that lie inside the range; monthly ones are calendar months clipped to the range; daily ones each
 * day. A reporting period no longer than a segment belongs to the segment its first day falls in; a
 * longer one (Amazon reports months and quarters too) is spread evenly over its days.
 */
public final class Segments {

    public enum Type {
        WEEKLY("weekly", 52, 7), MONTHLY("monthly", 12, 31), DAILY("daily", 92, 1);

        public final String wire;
        /** Doc D limits segment data to 52 weeks or 12 months; days are limited to a quarter. */
        public final int max;
        /** The most days one segment spans. */
        final int days;

        Type(String wire, int max, int days) {
            this.wire = wire;
            this.max = max;
            this.days = days;
        }

        /**
         * Whether a reporting period this many days long is longer than a segment (a month in weeks, a
         * quarter in months, a week in days): its figures cannot be given to one segment and are spread.
         */
        public boolean spreads(long periodDays) {
            return periodDays > days;
        }

        public static Type of(String wire) {
            for (Type type : values()) {
                if (type.wire.equals(wire)) {
                    return type;
                }
            }
            return null;
        }
    }

    public record Segment(int number, String label, String detailedLabel, LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private Segments() {
    }

    public static List<Segment> of(Type type, LocalDate start, LocalDate end) {
        List<Segment> segments = new ArrayList<>();
        switch (type) {
            case WEEKLY -> {
                LocalDate sunday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                for (int n = 1; !sunday.plusDays(6).isAfter(end); n++, sunday = sunday.plusWeeks(1)) {
                    LocalDate saturday = sunday.plusDays(6);
                    segments.add(new Segment(n, "Week " + n, "Week " + n + " (" + span(sunday, saturday) + ")",
                            sunday, saturday));
                }
            }
            case MONTHLY -> {
                LocalDate month = start.withDayOfMonth(1);
                for (int n = 1; !month.isAfter(end); n++, month = month.plusMonths(1)) {
                    String label = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
                    LocalDate from = month.isBefore(start) ? start : month;
                    LocalDate last = month.with(TemporalAdjusters.lastDayOfMonth());
                    segments.add(new Segment(n, label, label, from, last.isAfter(end) ? end : last));
                }
            }
            case DAILY -> {
                LocalDate day = start;
                for (int n = 1; !day.isAfter(end); n++, day = day.plusDays(1)) {
                    String label = DAY.format(day);
                    segments.add(new Segment(n, label, label, day, day));
                }
            }
        }
        return segments;
    }

    /** How many segments a range would have, without building them (to refuse oversized requests). */
    public static long count(Type type, LocalDate start, LocalDate end) {
        return switch (type) {
            case DAILY -> ChronoUnit.DAYS.between(start, end) + 1;
            case MONTHLY -> ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.withDayOfMonth(1)) + 1;
            case WEEKLY -> {
                LocalDate sunday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                yield sunday.plusDays(6).isAfter(end) ? 0 : ChronoUnit.WEEKS.between(sunday, end.plusDays(1));
            }
        };
    }

    /** The segment a day falls in, or -1. */
    public static int indexOf(List<Segment> segments, LocalDate day) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).contains(day)) {
                return i;
            }
        }
        return -1;
    }

    /** "Aug 3-9", or "Aug 31-Sep 6" across a month. */
    private static String span(LocalDate from, LocalDate to) {
        String month = from.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (from.getMonth() == to.getMonth()) {
            return month + " " + from.getDayOfMonth() + "-" + to.getDayOfMonth();
        }
        return month + " " + from.getDayOfMonth() + "-"
                + to.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + to.getDayOfMonth();
    }
}
