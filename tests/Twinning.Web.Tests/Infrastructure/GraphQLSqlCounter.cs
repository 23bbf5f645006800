using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF Core runs against one test database (matched on its data source or
/// database name), through EF Core's DiagnosticListener, which sees every app instance in the process.</summary>
public sealed class GraphQLSqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _marker;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public GraphQLSqlCounter(string databaseMarker)
    {
        _marker = databaseMarker;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands' SQL, to show what ran when a count is off.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && $"{data.Command.Connection?.DataSource}|{data.Command.Connection?.Database}".Contains(_marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
            Commands.Enqueue(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
