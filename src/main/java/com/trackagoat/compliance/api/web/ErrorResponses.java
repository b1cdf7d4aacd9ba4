package com.trackagoat.compliance.api.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every error the public port answers is the envelope: Spring MVC's through {@code api.ApiExceptionHandler},
 * the servlet container's forwarded ones through {@link ApiErrorController}, and those Tomcat answers before
 * any servlet through {@link EnvelopeErrorReportValve}, which replaces Tomcat's HTML error report valve.
 */
@Configuration(proxyBeanMethods = false)
class ErrorResponses {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
        return new EnvelopeErrorReports();
    }

    /** Runs after Spring Boot's customizer, which adds Tomcat's valve (without report or server info). */
    private static final class EnvelopeErrorReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // Named as the host's error report valve, so that the host does not add Tomcat's at start.
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
                host.getPipeline().addValve(new EnvelopeErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
