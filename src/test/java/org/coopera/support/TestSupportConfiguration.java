package org.coopera.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Beans that tests inject. */
@TestConfiguration(proxyBeanMethods = false)
@Import(DemoLogins.class)
public class TestSupportConfiguration {}
