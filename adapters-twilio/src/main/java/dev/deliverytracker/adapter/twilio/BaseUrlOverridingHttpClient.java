package dev.deliverytracker.adapter.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * A twilio-java {@link NetworkHttpClient} that sends every request to another base URL (the
 * Twilio simulator's), keeping method, path, query, form parameters, headers and auth: twilio-java
 * then talks to the simulator by configuration alone, with no patched SDK.
 *
 * <pre>{@code
 * TwilioRestClient client = new TwilioRestClient.Builder(accountSid, authToken)
 *         .httpClient(new BaseUrlOverridingHttpClient(URI.create("http://127.0.0.1:8099")))
 *         .build();
 * }</pre>
 *
 * <p>What twilio-java 13's sources show, and how this class deals with it:
 * <ul>
 *   <li>Requests are built for {@code https://api.twilio.com/...}; {@code IRequest.buildURL()}
 *       rewrites the host when region or edge are set, and it splits any dotted host into
 *       product/region/domain, so a plain {@code new Request(method, "http://127.0.0.1:…")} would
 *       come out as {@code 127.0.0.0.1}. So the copy made here overrides {@code constructURL()} to
 *       answer the target URL as it is. Leave region and edge unset all the same: this class
 *       takes only the path and query of twilio-java's URL, whatever host it computed.</li>
 *   <li>Pages after the first are fetched from {@code https://api.twilio.com} + the page's
 *       {@code next_page_uri}; they are redirected like every other request.</li>
 *   <li>{@code TwilioRestClient.request} calls {@code HttpClient.reliableRequest(request)}, which
 *       repeats a request up to 3 times (100 ms apart) while the answer is a 5xx, POSTs included:
 *       a create that was stored but answered 500 is sent again and makes a second message. There
 *       is no switch for it on the builder, but {@code reliableRequest(Request)} is public and not
 *       final, so this class overrides it: by default a POST is tried exactly once
 *       (the caller decides whether to retry, after checking that nothing was sent); GETs keep
 *       twilio-java's retry. Pass {@code retryPostsOnServerError = true} for twilio-java's
 *       original behaviour.</li>
 *   <li>Below twilio-java, Apache HttpClient 5's default {@code DefaultHttpRequestRetryStrategy}
 *       repeats any request answered 429 or 503 once, after a second (or the Retry-After),
 *       POSTs included: a 503 on a create that Twilio had stored would also duplicate it, and a
 *       429 would be hidden from our own back-off. {@code NetworkHttpClient}'s default
 *       constructor cannot turn it off, so this class builds its Apache client itself with
 *       {@code disableAutomaticRetries()} and otherwise twilio-java's defaults (its request and
 *       socket configuration, no redirects), but a pool of 64 connections per route instead of 20. Either retry is
 *       then the caller's decision.</li>
 * </ul>
 */
public class BaseUrlOverridingHttpClient extends NetworkHttpClient {

    private final String baseUrl;
    private final boolean retryPostsOnServerError;

    /** Sends everything to {@code baseUrl}; POSTs are not retried on 5xx. */
    public BaseUrlOverridingHttpClient(URI baseUrl) {
        this(baseUrl, false);
    }

    /**
     * @param baseUrl                 scheme, host and port (and optionally a path prefix) to send to, e.g. {@code http://127.0.0.1:8099}
     * @param retryPostsOnServerError true keeps twilio-java's automatic retry of a POST answered with 5xx
     */
    public BaseUrlOverridingHttpClient(URI baseUrl, boolean retryPostsOnServerError) {
        super(apacheClientWithoutRetries());
        if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL with a host, e.g. http://127.0.0.1:8099, got " + baseUrl);
        }
        if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException("base URL must not have a query or fragment, got " + baseUrl);
        }
        String text = baseUrl.toString();
        this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.retryPostsOnServerError = retryPostsOnServerError;
    }

    private static HttpClientBuilder apacheClientWithoutRetries() {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG);
        // As many connections as the dispatcher sends at once (tracker.dispatch.concurrency, at most 64):
        // twilio-java's 20 would queue the rest for a connection while each waits on Twilio's answer.
        connections.setDefaultMaxPerRoute(64);
        connections.setMaxTotal(128);
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
                .disableAutomaticRetries();
    }

    @Override
    public Response reliableRequest(Request request) {
        if (!retryPostsOnServerError && request.getMethod() == HttpMethod.POST) {
            // One try: retries=1 makes reliableRequest's loop run once.
            return reliableRequest(request, RETRY_CODES, 1, 0L);
        }
        return super.reliableRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(redirected(request));
    }

    /** A copy of the request aimed at the base URL. Package-private for tests. */
    Request redirected(Request original) {
        URL twilioUrl = original.constructURL();
        // getFile() is the path plus "?query": both the query params of a first page and the
        // query already inside a next-page URL.
        Request copy = new FixedUrlRequest(original.getMethod(), baseUrl + twilioUrl.getFile());
        if (original.getUsername() != null && original.getPassword() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        }
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    private static void copyParams(Map<String, List<String>> from, BiConsumer<String, String> add) {
        from.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }

    /** A request whose URL is final as given: no region/edge rewriting, no second query string. */
    private static final class FixedUrlRequest extends Request {

        private final String fixedUrl;

        FixedUrlRequest(HttpMethod method, String url) {
            super(method, url);
            this.fixedUrl = url;
        }

        @Override
        public URL constructURL() {
            try {
                return URI.create(fixedUrl).toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot build the redirected URL " + fixedUrl, e);
            }
        }
    }
}
