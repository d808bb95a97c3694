"""The state self-assessment: versioned instruments, cycles with many respondents, results, priorities, plans."""
