package io.shelfwatch.gateway.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Validates records against the one definition of every event: the repository's contracts/. */
public final class Contracts {

    /** Reads the schemas and the files their `$ref`s name from disk, and nothing from the network. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources()
                    .allow(iri -> iri.toString().startsWith("file:"))));

    private Contracts() {
    }

    public static List<String> violations(String topic, String type, String recordValue) {
        Path file = dir().resolve("schemas").resolve(topic).resolve(type + ".schema.json");
        assertTrue(Files.isRegularFile(file), "no contract at " + file);
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(file.toUri().toString()));
        return schema.validate(recordValue, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    public static void assertConforms(String topic, String type, String recordValue) {
        List<String> violations = violations(topic, type, recordValue);
        assertTrue(violations.isEmpty(), () -> topic + "/" + type + " breaks its contract: " + violations
                + "\nrecord: " + recordValue);
    }

    private static Path dir() {
        String configured = System.getProperty("shelfwatch.contracts.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "contracts");
        return dir.toAbsolutePath().normalize();
    }
}
