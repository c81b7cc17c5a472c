package io.shelfwatch.etl.alerts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The fields of a rule that depend on each other: one target (a product or a competitor store),
 * a threshold exactly for the price types, new products only on a store. Each error names the
 * field to fix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentRule.Check.class)
public @interface ConsistentRule {

    String message() default "inconsistent alert";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ConsistentRule, RuleShape> {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        @Override
        public boolean isValid(RuleShape rule, ConstraintValidatorContext context) {
            if (rule == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (rule.productId() == null && rule.competitorId() == null) {
                valid = fail(context, "product_id", "either product_id or competitor_id is required");
            } else if (rule.productId() != null && rule.competitorId() != null) {
                valid = fail(context, "competitor_id", "give either product_id or competitor_id, not both");
            }
            String type = rule.alertType();
            if (type == null || !type.matches(RuleShape.TYPES)) {
                return valid; // the field's own constraint reports it
            }
            if (RuleShape.NEW_PRODUCT.equals(type) && rule.productId() != null) {
                valid = fail(context, "alert_type", "new_product watches a competitor store: give competitor_id");
            }
            BigDecimal threshold = rule.threshold();
            if (RuleShape.PRICE_TYPES.contains(type)) {
                if (threshold == null) {
                    valid = fail(context, "threshold", "is required for price_drop and price_increase (percent)");
                } else if (RuleShape.PRICE_DROP.equals(type) && threshold.compareTo(HUNDRED) >= 0) {
                    valid = fail(context, "threshold", "a price cannot drop by 100 % or more");
                }
            } else if (threshold != null) {
                valid = fail(context, "threshold", "applies only to price_drop and price_increase");
            }
            return valid;
        }

        private static boolean fail(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
