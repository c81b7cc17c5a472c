package io.shelfwatch.etl.ingest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.regex.Matcher;

import io.shelfwatch.etl.pipeline.RawDataReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ingested `raw_data` the pipeline can read: every value it knows within the range every consumer
 * can store, and `marketplace_id`, when given, one of Amazon's. The pipeline is asynchronous and would
 * otherwise drop such an event after the client was told "accepted"; each bad value is reported at its
 * key (`["body","raw_data","price"]`).
 */
@Documented
@Constraint(validatedBy = ReadableRawData.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableRawData {

    String message() default "raw_data cannot be read";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    // A bean, so the reader (the pipeline's own rules) is injected.
    @ApplicationScoped
    class Validator implements ConstraintValidator<ReadableRawData, Map<String, Object>> {

        static final String MARKETPLACE = "marketplace_id";

        private final RawDataReader reader;

        public Validator(RawDataReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean isValid(Map<String, Object> raw, ConstraintValidatorContext context) {
            if (raw == null) {
                return true;
            }
            Map<String, String> problems = new java.util.LinkedHashMap<>(reader.problems(raw));
            Object marketplace = raw.get(MARKETPLACE);
            if (marketplace != null && !(marketplace instanceof String id && Marketplaces.isKnown(id))) {
                problems.put(MARKETPLACE, "must be an Amazon marketplace id, such as ATVPDKIKX0DER");
            }
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            problems.forEach((key, message) -> context.buildConstraintViolationWithTemplate(literal(message))
                    .addPropertyNode(key).addConstraintViolation());
            return false;
        }

        /** The message as it is: a value quoted in it must not be read as a message expression. */
        private static String literal(String message) {
            return message.replaceAll("([\\\\{}$])", Matcher.quoteReplacement("\\") + "$1");
        }
    }
}
