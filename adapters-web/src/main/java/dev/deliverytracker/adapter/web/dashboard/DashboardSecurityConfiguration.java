package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.adapter.web.RejectedRequestProblem;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors, two rule sets. Machines (the API with its keys, Actuator, the OpenAPI description) pass
 * a stateless chain that adds no session, no CSRF and no login; API keys stay in {@link ApiKeyFilter}.
 * People use the dashboard: form sign-in, a session cookie, CSRF tokens on every form, a strict
 * content security policy, throttled sign-in. Twilio's webhook, proved by its signature, is answered
 * before Spring Security by {@link StatusCallbackEndpoint}.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    /** Scripts and styles come from this server only; nothing may frame the dashboard. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Spring Security would wrap each of its filters in a Micrometer observation on every request:
     * measured at about half of the webhook's CPU per callback under load (bench/run.sh), when
     * callbacks still passed through here; every API call passes through the same filters. The HTTP
     * server's own request metrics (http.server.requests) stay.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall, and the webhook's endpoint ahead of it, use this bean for what the
     * firewall refuses: a problem, as the API answers.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new RejectedRequestProblem();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operatorDetails(ManageOperators operators,
            ObjectProvider<ManageOrganizationOperators> members) {
        return new OperatorDetailsService(operators, username -> {
            ManageOrganizationOperators known = members.getIfAvailable();
            return known != null && known.isDisabled(username);
        });
    }

    @Bean
    SignInThrottle signInThrottle(DashboardSettings settings, Clock clock) {
        return new SignInThrottle(settings.signInFailuresAllowed(), settings.signInLockout(), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain machines(HttpSecurity http, DashboardSettings settings) throws Exception {
        return http
                .securityMatcher("/api/**", settings.webhookPath(), "/actuator/**", "/v3/api-docs/**",
                        "/swagger-ui/**", "/swagger-ui.html", "/error")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Every filter here runs on each API call: only what these doors need. Twilio's
                // callbacks never get here: StatusCallbackEndpoint answers its path before Security.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler backToWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        backToWhereTheyWere.setDefaultTargetUrl("/dashboard");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName(), request.getRemoteAddr());
                            backToWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, failure) -> {
                            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
