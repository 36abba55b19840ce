package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.application.port.RecordOutcome;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ObservabilityConfigurationTest {

    private final RecordDeliveryStatus recorder = callback -> new RecordOutcome.Rejected("not read");
    private final Tracer tracer = new OtelTracer(SdkTracerProvider.builder().build().get("test"),
            new OtelCurrentTraceContext(), event -> { });

    @Test
    void with_tracing_off_callbacks_go_straight_to_the_use_case_and_dispatch_only_sets_log_fields() {
        ObservabilityConfiguration off = new ObservabilityConfiguration(provider(tracer), 0);
        assertThat(off.callbackRecorder(recorder)).isSameAs(recorder);
        assertThat(off.messageWork()).isInstanceOf(LoggedMessageWork.class);
    }

    @Test
    void with_traces_sampled_callbacks_and_dispatch_make_spans() {
        ObservabilityConfiguration on = new ObservabilityConfiguration(provider(tracer), 1.0);
        assertThat(on.callbackRecorder(recorder)).isInstanceOf(TracedRecordDeliveryStatus.class);
        assertThat(on.messageWork()).isInstanceOf(TracedMessageWork.class);
    }

    @Test
    void without_a_tracer_tracing_stays_off_whatever_the_probability() {
        ObservabilityConfiguration none = new ObservabilityConfiguration(new StaticListableBeanFactory()
                .getBeanProvider(Tracer.class), 1.0);
        assertThat(none.callbackRecorder(recorder)).isSameAs(recorder);
    }

    private static ObjectProvider<Tracer> provider(Tracer tracer) {
        return new StaticListableBeanFactory(Map.of("tracer", tracer)).getBeanProvider(Tracer.class);
    }
}
