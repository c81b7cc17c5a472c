package io.shelfwatch.etl.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A `YYYY-MM-DD` text that names a day of the calendar (not 2026-02-30), so an impossible date is a
 * validation error at its field like a malformed one. The format itself is left to `@Pattern`.
 */
@Documented
@Constraint(validatedBy = CalendarDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CalendarDate {

    String message() default "is not a calendar date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CalendarDate, String> {

        private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !SHAPE.matcher(value).matches()) {
                return true;
            }
            try {
                LocalDate.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
