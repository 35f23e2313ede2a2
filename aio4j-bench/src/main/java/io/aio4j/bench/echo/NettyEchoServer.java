package io.aio4j.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The Netty reference server of the TCP echo benchmark: the minimal echo of Netty's own examples
 * ({@code write} each read buffer, {@code flush} when the read batch ends), on one event-loop
 * thread that accepts and serves. Prints {@code READY port=N} once it listens and runs until
 * killed.
 *
 * <pre>
 * NettyEchoServer [--host 127.0.0.1] [--port 0] [--transport nio|epoll]
 * </pre>
 * NIO goes through the JDK's selector as aio4j does; epoll is Netty's JNI transport.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {}

    /** Writes back what it reads; flushes once per read batch. */
    @Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /**
     * Starts the server.
     *
     * @param args {@code --host}, {@code --port}, {@code --transport}
     * @throws Exception if it cannot listen
     */
    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        String host = a.get("--host", "127.0.0.1");
        int port = Integer.parseInt(a.get("--port", "0"));
        String transport = a.get("--transport", "nio");
        IoHandlerFactory io;
        Class<? extends ServerChannel> channel;
        switch (transport) {
            case "nio" -> {
                io = NioIoHandler.newFactory();
                channel = NioServerSocketChannel.class;
            }
            case "epoll" -> {
                io = EpollIoHandler.newFactory();
                channel = EpollServerSocketChannel.class;
            }
            default -> throw new IllegalArgumentException("--transport nio|epoll, not " + transport);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, io);
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new EchoHandler());
            Channel server = b.bind(host, port).sync().channel();
            int bound = ((InetSocketAddress) server.localAddress()).getPort();
            System.out.println("READY port=" + bound + " (netty " + transport + ", 1 event-loop thread)");
            System.out.flush();
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }
}
