/**
 * A servlet-only WAR built by bench/goals.sh (javac + jar, never part of genesys.war): the
 * container's own floor, with static.txt served by Undertow's default servlet.
 */
package org.opengms.bench.trivial;
