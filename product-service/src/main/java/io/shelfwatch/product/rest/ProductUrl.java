package io.shelfwatch.product.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.shelfwatch.product.service.ProductKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A URL a product can be tracked by: absolute http(s) with a host, as {@link ProductKeys} reads it. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProductUrl.Validator.class)
public @interface ProductUrl {

    String message() default "must be an absolute http(s) URL of a product page";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<ProductUrl, String> {

        @Inject
        ProductKeys keys;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || keys.fromUrl(value).isPresent();
        }
    }
}
