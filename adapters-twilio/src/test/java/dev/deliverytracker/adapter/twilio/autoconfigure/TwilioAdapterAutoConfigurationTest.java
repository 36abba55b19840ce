package dev.deliverytracker.adapter.twilio.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.twilio.TwilioMessageGateway;
import dev.deliverytracker.adapter.twilio.TwilioSignatureVerifier;
import dev.deliverytracker.application.fake.InMemoryTwilioAccounts;
import dev.deliverytracker.application.fake.ScriptedMessageGateway;
import dev.deliverytracker.application.fake.TokenEchoSignatureVerifier;
import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The adapter plugs itself in, backs off for a bean of the port the application has, and switches off. */
class TwilioAdapterAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TwilioAdapterAutoConfiguration.class))
            .withBean(TwilioAccounts.class, InMemoryTwilioAccounts::new);

    @Test
    void on_the_class_path_it_provides_the_gateway_and_both_verifiers() {
        context.run(app -> {
            assertThat(app).hasSingleBean(MessageGateway.class).hasSingleBean(SignatureVerifier.class)
                    .hasSingleBean(BodySignatureVerifier.class);
            assertThat(app.getBean(MessageGateway.class)).isInstanceOf(TwilioMessageGateway.class);
            assertThat(app.getBean(SignatureVerifier.class)).isInstanceOf(TwilioSignatureVerifier.class);
        });
    }

    @Test
    void a_bean_of_a_port_the_application_defines_wins() {
        context.withBean(MessageGateway.class, ScriptedMessageGateway::new)
                .withBean(SignatureVerifier.class, TokenEchoSignatureVerifier::new)
                .run(app -> {
                    assertThat(app.getBean(MessageGateway.class)).isInstanceOf(ScriptedMessageGateway.class);
                    assertThat(app.getBean(SignatureVerifier.class)).isInstanceOf(TokenEchoSignatureVerifier.class);
                    assertThat(app).hasSingleBean(BodySignatureVerifier.class);
                });
    }

    @Test
    void switched_off_it_provides_nothing() {
        context.withPropertyValues("tracker.twilio.enabled=false").run(app -> assertThat(app)
                .doesNotHaveBean(MessageGateway.class).doesNotHaveBean(SignatureVerifier.class)
                .doesNotHaveBean(BodySignatureVerifier.class));
    }

    @Test
    void the_gateway_sends_to_the_base_url_bean_then_the_setting() {
        context.withBean(TwilioAdapterAutoConfiguration.API_BASE_URL_BEAN, URI.class,
                () -> URI.create("http://127.0.0.1:18080")).run(app -> assertThat(app).hasNotFailed());
        context.withPropertyValues("tracker.twilio.api-base-url=not a url").run(app -> assertThat(app).hasFailed()
                .getFailure().rootCause().hasMessageContaining("Illegal character"));
    }
}
