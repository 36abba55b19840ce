package dev.deliverytracker.adapter.web.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. twilio-java brings Jackson's XML and YAML modules, and Spring MVC turns
 * every Jackson format on the class path into a representation of every endpoint: an
 * {@code Accept: application/xml} got the API's objects as undocumented XML, and XML or YAML bodies
 * were read too. Those converters are removed, so such a request gets 406 or 415, and content
 * negotiation no longer asks them on every request.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyMessageConverters implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnlyMessageConverters::isXmlOrYaml));
    }

    static boolean isXmlOrYaml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(JsonOnlyMessageConverters::isXmlOrYamlType);
    }

    private static boolean isXmlOrYamlType(MediaType type) {
        String subtype = type.getSubtype();
        return subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("yaml")
                || subtype.endsWith("+yaml");
    }
}
