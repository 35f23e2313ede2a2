// The task workloads of bench/run-all.sh on kotlinx coroutines, one thread (newSingleThreadContext),
// the same shapes as aio4j's io.aio4j.bench.tasks.TaskWorkloads and bench/tasks.py:
//   spawn     100,000 coroutines that each yield once, awaited together (async + awaitAll)
//   pingpong  200,000 round trips between two coroutines through two unlimited channels
//   sleep     100,000 coroutines that each delay 1 s, joined; wall time and RSS per coroutine
// Usage: java -jar kotlinx-bench.jar WORKLOAD RUNS. Prints one RESULT line per run; run 1 is cold.
package io.aio4j.bench.kotlinx

import java.nio.file.Files
import java.nio.file.Path
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.newSingleThreadContext
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

const val TASKS = 100_000
const val ROUND_TRIPS = 200_000

fun rssBytes(): Long {
    val line = Files.readAllLines(Path.of("/proc/self/status")).first { it.startsWith("VmRSS:") }
    return line.removePrefix("VmRSS:").trim().removeSuffix("kB").trim().toLong() * 1024
}

fun main(args: Array<String>) {
    val workload = args[0]
    val runs = args.getOrElse(1) { "5" }.toInt()
    newSingleThreadContext("kotlinx-bench").use { context ->
        for (run in 1..runs) {
            runBlocking(context) {
                when (workload) {
                    "spawn" -> {
                        val start = System.nanoTime()
                        List(TASKS) { async { yield() } }.awaitAll()
                        val s = (System.nanoTime() - start) / 1e9
                        println("RESULT system=kotlinx workload=spawn run=$run value=${"%.0f".format(TASKS / s)} unit=tasks/s")
                    }
                    "pingpong" -> {
                        val ping = Channel<Int>(Channel.UNLIMITED)
                        val pong = Channel<Int>(Channel.UNLIMITED)
                        val start = System.nanoTime()
                        val other = launch { repeat(ROUND_TRIPS) { pong.send(ping.receive()) } }
                        repeat(ROUND_TRIPS) { ping.send(it); pong.receive() }
                        other.join()
                        val s = (System.nanoTime() - start) / 1e9
                        println("RESULT system=kotlinx workload=pingpong run=$run value=${"%.0f".format(ROUND_TRIPS / s)} unit=round-trips/s")
                    }
                    "sleep" -> {
                        val before = rssBytes()
                        val start = System.nanoTime()
                        val jobs = List(TASKS) { launch { delay(1000) } }
                        val during = rssBytes()
                        jobs.joinAll()
                        val ms = (System.nanoTime() - start) / 1e6
                        println("RESULT system=kotlinx workload=sleep run=$run value=${"%.0f".format(ms)} unit=ms " +
                                "rss_per_task=${(during - before) / TASKS}")
                    }
                    else -> error("unknown workload $workload")
                }
            }
        }
    }
}
