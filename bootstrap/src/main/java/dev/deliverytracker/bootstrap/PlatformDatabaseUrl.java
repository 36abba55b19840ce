package dev.deliverytracker.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Takes {@code DATABASE_URL} in the form platforms hand out ({@code postgresql://user:password@host:port/db},
 * as Render's and Heroku's databases give it) as well as a JDBC URL: the first becomes
 * {@code jdbc:postgresql://host:port/db} with its user and password, which then win over
 * {@code DATABASE_USER} / {@code DATABASE_PASSWORD}. A JDBC URL or an empty one is left alone.
 */
public class PlatformDatabaseUrl implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL, "");
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            environment.getPropertySources().addFirst(new MapPropertySource("platformDatabaseUrl", jdbc(url)));
        }
    }

    /** The JDBC URL, user and password of a {@code postgresql://} URL. */
    static Map<String, Object> jdbc(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new IllegalStateException("DATABASE_URL (spring.datasource.url) is not a valid postgresql:// URL: "
                    + malformed.getReason());
        }
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw new IllegalStateException("DATABASE_URL (spring.datasource.url) must name a host and a database, "
                    + "as postgresql://user:password@host:5432/database");
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put(URL, "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            settings.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                settings.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return settings;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
