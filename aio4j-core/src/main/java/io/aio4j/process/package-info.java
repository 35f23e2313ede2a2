/**
 * Child processes as streams of the loop: asyncio's {@code create_subprocess_exec} and
 * {@code create_subprocess_shell}. {@link io.aio4j.process.Subprocess} starts a child and gives its
 * stdin as a {@link io.aio4j.net.StreamWriter} and its stdout and stderr as
 * {@link io.aio4j.net.StreamReader}s; {@link io.aio4j.process.SubprocessOptions} says where each
 * stream goes ({@link io.aio4j.process.Redirect}); {@link io.aio4j.process.ProcessOutput} is what
 * {@link io.aio4j.process.Subprocess#communicate} collects. Waiting suspends the calling task, never
 * the loop: the JDK's blocking pipes are pumped by threads of their own, with flow control.
 */
package io.aio4j.process;
