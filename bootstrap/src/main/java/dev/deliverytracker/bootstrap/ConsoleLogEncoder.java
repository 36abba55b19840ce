package dev.deliverytracker.bootstrap;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: Spring Boot's structured JSON ({@code logging.structured.format.console=ecs},
 * {@code logstash} or {@code gelf}) when a format is set, the usual pattern line otherwise. Logback
 * cannot choose between two appenders without Janino, so logback-spring.xml names this one encoder
 * and it picks its delegate at start. Phone numbers are masked either way: by
 * {@link MaskedMessageConverter} in the pattern, by {@link MaskingJsonMembersCustomizer} in JSON.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "";
    private String pattern = "";
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? "" : format.trim();
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format.isEmpty()) {
            PatternLayoutEncoder lines = new PatternLayoutEncoder();
            lines.setContext(getContext());
            lines.setPattern(pattern);
            lines.setCharset(charset);
            delegate = lines;
        } else {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setContext(getContext());
            json.setFormat(format);
            json.setCharset(charset);
            delegate = json;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
