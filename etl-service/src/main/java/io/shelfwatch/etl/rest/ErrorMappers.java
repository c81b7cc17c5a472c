package io.shelfwatch.etl.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shelfwatch.etl.rest.ErrorShapes.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns every failure into the error shape of the path's document ({@link ErrorShapes}).
 * No exception type or stack trace ever reaches a client.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** RESTEasy Reactive's message when a path matches a resource class but none of its methods. */
    private static final String NO_METHOD = "Unable to find matching target resource method";
    private static final Set<Class<?>> INTEGER_TYPES = Set.of(int.class, Integer.class, long.class, Long.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ResourceInfo resource, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(location(violation.getPropertyPath(), resource.getResourceMethod()),
                    violation.getMessage(), "value_error"));
        }
        return ErrorShapes.invalid(path(uri), errors);
    }

    // Listed explicitly: Quarkus ships its own mapper for MismatchedInputException (a wrong-typed
    // field) that would otherwise win over a mapper of the broader JsonProcessingException.
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        List<Object> loc = new ArrayList<>(List.of("body"));
        if (e instanceof JsonMappingException mapping) {
            mapping.getPath().forEach(ref -> loc.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex()));
        }
        boolean syntax = !(e instanceof JsonMappingException);
        return ErrorShapes.invalid(path(uri), List.of(new FieldError(loc,
                syntax ? "invalid JSON" : "value is not valid for this field",
                syntax ? "value_error.jsondecode" : "type_error")));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(ErrorShapes.error(path(uri), 401, "Not authenticated"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorShapes.error(path(uri), 403, "Not enough permissions");
    }

    /**
     * RESTEasy follows JAX-RS and turns a query or path parameter it cannot convert (`?limit=abc`
     * for an int) into a NotFoundException caused by the conversion failure. That is invalid input,
     * not a missing resource: 422 at the parameter, as FastAPI answers it. Any other 404 stays one.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() != null && resource != null && resource.getResourceMethod() != null) {
            List<FieldError> errors = unconvertibleParameters(resource.getResourceMethod(), uri);
            if (!errors.isEmpty()) {
                return ErrorShapes.invalid(path(uri), errors);
            }
        }
        return webApplication(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus wraps JSON syntax errors in a 400; they are invalid input like any other.
            return unreadableJson(unreadable, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        String message = e.getMessage();
        // JAX-RS's own messages ("HTTP 404 Not Found", or RESTEasy's "Unable to find matching target resource
        // method" under a resource class's path) become the plain reason ("Not Found").
        String detail = message == null || message.isBlank() || message.startsWith("HTTP " + status)
                || NO_METHOD.equals(message)
                // RESTEasy's 415 texts name its internals ("No supported MessageBodyReader found", "@Consumes").
                || status == 415
                ? original.getStatusInfo().getReasonPhrase()
                : message;
        Response shaped = ErrorShapes.error(path(uri), status, detail);
        Object challenge = original.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        return challenge == null ? shaped
                : Response.fromResponse(shaped).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("request failed", e);
        return ErrorShapes.error(path(uri), 500, "Internal Server Error");
    }

    private static String path(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * Where the bad value was: `["body", field…]` inside a request body, `["query" | "path" |
     * "header", name]` for a parameter, told apart by the resource method's own annotations.
     */
    private static List<Object> location(Path path, Method method) {
        List<Object> loc = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                Parameter parameter = method == null ? null : method.getParameters()[index];
                String source = parameter == null ? "body" : sourceOf(parameter);
                loc.add(source);
                if (!source.equals("body")) {
                    loc.add(wireName(parameter, node.getName()));
                }
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    loc.add(node.getIndex());
                }
                // A list element's node is named `<list element>`: FastAPI shows only its index.
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    loc.add(node.getName());
                }
            }
        }
        if (loc.isEmpty()) {
            loc.add("body");
        }
        return loc;
    }

    /** The integer query and path parameters whose raw values are not integers, as FastAPI reports them. */
    private static List<FieldError> unconvertibleParameters(Method method, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            String source = sourceOf(parameter);
            if (!INTEGER_TYPES.contains(parameter.getType()) || !(source.equals("query") || source.equals("path"))) {
                continue;
            }
            String name = wireName(parameter, parameter.getName());
            List<String> raw = source.equals("query") ? uri.getQueryParameters().get(name)
                    : uri.getPathParameters().get(name);
            if (raw != null && raw.stream().anyMatch(value -> !isInteger(value, parameter.getType()))) {
                errors.add(new FieldError(List.of(source, name), "value is not a valid integer", "type_error.integer"));
            }
        }
        return errors;
    }

    private static boolean isInteger(String value, Class<?> type) {
        try {
            if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else {
                Integer.parseInt(value);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The name the client used: `per_page` in `@RestQuery("per_page") int perPage`. */
    private static String wireName(Parameter parameter, String javaName) {
        String declared = "";
        if (parameter.isAnnotationPresent(RestQuery.class)) {
            declared = parameter.getAnnotation(RestQuery.class).value();
        } else if (parameter.isAnnotationPresent(QueryParam.class)) {
            declared = parameter.getAnnotation(QueryParam.class).value();
        } else if (parameter.isAnnotationPresent(RestPath.class)) {
            declared = parameter.getAnnotation(RestPath.class).value();
        } else if (parameter.isAnnotationPresent(PathParam.class)) {
            declared = parameter.getAnnotation(PathParam.class).value();
        } else if (parameter.isAnnotationPresent(RestHeader.class)) {
            declared = parameter.getAnnotation(RestHeader.class).value();
        } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
            declared = parameter.getAnnotation(HeaderParam.class).value();
        }
        return declared.isEmpty() ? javaName : declared;
    }

    private static String sourceOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(QueryParam.class) || parameter.isAnnotationPresent(RestQuery.class)) {
            return "query";
        }
        if (parameter.isAnnotationPresent(PathParam.class) || parameter.isAnnotationPresent(RestPath.class)) {
            return "path";
        }
        if (parameter.isAnnotationPresent(HeaderParam.class) || parameter.isAnnotationPresent(RestHeader.class)) {
            return "header";
        }
        return "body";
    }
}
