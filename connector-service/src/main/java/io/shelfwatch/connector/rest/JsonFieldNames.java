package io.shelfwatch.connector.rest;

import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Validation errors name a field as the client wrote it (`event_type`), not as Java spells it
 * (`eventType`): Hibernate Validator asks Jackson for each property's JSON name.
 */
@ApplicationScoped
public class JsonFieldNames implements ValidatorFactoryCustomizer, PropertyNodeNameProvider {

    private final ObjectMapper json;

    public JsonFieldNames(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.propertyNodeNameProvider(this);
    }

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            BeanDescription description = json.getSerializationConfig()
                    .introspect(json.constructType(bean.getDeclaringClass()));
            return description.findProperties().stream()
                    .filter(p -> p.getInternalName().equals(property.getName()))
                    .map(BeanPropertyDefinition::getName)
                    .findFirst().orElse(property.getName());
        }
        return property.getName();
    }
}
