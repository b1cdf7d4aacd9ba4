package com.trackagoat.compliance.console.session;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.trackagoat.compliance.api.web.RequestFirewall;

/**
 * The console's gate, registered here rather than as a component so that it sits after the API key filter on
 * the console's paths only, and so that the read API's {@code @WebMvcTest} slices (which pick up every filter
 * component) do not need the console's session store.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSessionConfiguration {

    @Bean
    FilterRegistrationBean<ConsoleGuard> consoleGuard(ConsoleSessions sessions, ConsoleCookies cookies) {
        FilterRegistrationBean<ConsoleGuard> registration = new FilterRegistrationBean<>(
                new ConsoleGuard(sessions, cookies));
        registration.setOrder(RequestFirewall.ORDER + 20);
        registration.addUrlPatterns("/console", "/console/*");
        return registration;
    }
}
