namespace CaseFlow.Server.Reports;

/// <summary>Return-visit ratings (回访) of the items received and closed in the period.</summary>
public sealed record SatisfactionFigures(int Rated, int VerySatisfied, int Satisfied, int Neutral, int Dissatisfied);
