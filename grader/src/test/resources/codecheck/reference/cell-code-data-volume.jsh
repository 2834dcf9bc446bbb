long megabytesPerMonth(int devices, int messagesPerDay, int bytesPerMessage) {
    return (long) devices * messagesPerDay * bytesPerMessage * 30 / 1_000_000;
}
