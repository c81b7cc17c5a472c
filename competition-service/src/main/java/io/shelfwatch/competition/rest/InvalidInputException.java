package io.shelfwatch.competition.rest;

import java.util.List;

import io.shelfwatch.competition.rest.ErrorShapes.FieldError;

/** Input found invalid after it was read (e.g. ASINs once trimmed and upper-cased): a 422 with its locations. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException at(String message, Object... loc) {
        return new InvalidInputException(List.of(new FieldError(List.of(loc), message, "value_error")));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
